package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/** Which rules decide about each lead on its own (leads may be checked in chunks) and which join leads. */
class RuleShapesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "one lead and the window                 | $p : PeriodWindow() $l : Lead( mqlAt != null, mqlAt >= $p.start ) | true",
                "a follow-up item                       | FollowUpItem( stop == null )                                      | true",
                "a measurement                          | Measurement( value < 3 )                                          | true",
                "a lead and a value set                 | ValueSet( key == \"x\" ) Lead( )                                  | true",
                "two leads of one company               | $a : Lead( ) Lead( this != $a, company == $a.company )            | false",
                "an accumulate over other leads         | $a : Lead( ) accumulate( Lead( company == $a.company ); $n : count() ) | false",
                "no other lead                          | $a : Lead( ) not Lead( this != $a, company == $a.company )        | false",
                "some other lead                        | $a : Lead( ) exists Lead( this != $a )                            | false",
                "a lead and its follow-up item          | $a : Lead( ) FollowUpItem( lead == $a )                           | false",
                "a lead and a measurement               | Lead( ) Measurement( )                                            | false",
                "any object (leads too), and a lead     | Lead( ) Object( )                                                 | false",
            })
    void rulesThatJoinLeadsAreFound(String name, String when, boolean local) {
        KieBase base = build("""
                package t;
                import dev.l2r.facts.*;
                rule "r"
                when
                    %s
                then
                end
                """.formatted(when));
        assertEquals(local, RuleShapes.leadLocal(base), when);
        assertEquals(local ? List.of() : List.of("t.r"), RuleShapes.joiningRules(base));
    }

    private static KieBase build(String drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem fs = ks.newKieFileSystem().write("src/main/resources/t/r.drl", drl);
        KieBuilder b = ks.newKieBuilder(fs).buildAll();
        assertTrue(
                b.getResults().getMessages(Message.Level.ERROR).isEmpty(),
                b.getResults().toString());
        return ks.newKieContainer(b.getKieModule().getReleaseId()).getKieBase();
    }
}
