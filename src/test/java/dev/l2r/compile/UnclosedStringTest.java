package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UnclosedStringTest {

    private static RulesFile file(String text) {
        return new RulesFile(Path.of("rules/x.drl"), text, "", "custom");
    }

    @Test
    void stringsThatCloseEscapedQuotesAndQuotesInCommentsAreFine() {
        assertNull(CompiledRules.unclosedString(file("""
                rule "A \\" b" // it's a comment
                /* don't
                   "open */ when Lead( company == 'Acme' ) then end
                """)));
    }

    @Test
    void theFirstStringLeftOpenIsNamedAtItsLineAndColumn() {
        assertEquals(
                "rules/x.drl:2:21: a string opened here (\") is not closed on its line; close it",
                CompiledRules.unclosedString(file("rule \"A\" when\n    Lead( leadId == \"abc )\nthen end\n")));
        assertEquals(
                "rules/x.drl:1:7: a string opened here (') is not closed on its line; close it",
                CompiledRules.unclosedString(file("Lead( 'x == 1 )\n")));
    }
}
