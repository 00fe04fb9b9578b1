package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.l2r.facts.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Agreement strings become DRL string literals only through {@link DrlLiterals}: every string, however
 * hostile, must reach the engine as exactly itself, matching that value and nothing else.
 */
class DrlLiteralsTest {

    private static final String ALPHABET = "ab \"'\\$@{}()[];:,.#!=<>&|+-*/%^~`?\n\t\rüé€中😀";

    @Test
    void hostileAndRandomStringsRoundTripExactly() {
        List<String> values = new ArrayList<>(List.of(
                "x\" ) ; System.exit(3); ( \"",
                "\" + System.exit(3) + \"",
                "\\\"",
                "\\",
                "end\\",
                "\\n",
                "\\u0022",
                "${System.exit(3)}",
                "@{System.exit(3)}",
                "'); System.exit(3); ('",
                "a\nb",
                "\"\"\"",
                "//",
                "/*",
                "*/",
                "then System.exit(3); end",
                "))) || true || (((",
                "😀",
                ""));
        Random r = new Random(42);
        TreeSet<String> unique = new TreeSet<>(values);
        while (unique.size() < 300) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int i = 0; i < n; i++)
                b.appendCodePoint(ALPHABET.codePointAt(
                        ALPHABET.offsetByCodePoints(0, r.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            unique.add(b.toString());
        }
        List<String> all = List.copyOf(unique);
        StringBuilder drl = new StringBuilder("package t;\nimport dev.l2r.facts.Lead;\nglobal java.util.List out;\n");
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            drl.append("rule \"r")
                    .append(i)
                    .append("\" when $l : Lead( channel == ")
                    .append(DrlLiterals.string(all.get(i)))
                    .append(" ) then out.add(\"")
                    .append(i)
                    .append(":\" + $l.getLeadId()); end\n");
            Lead.Builder b = Lead.builder("L" + i, 0);
            b.channel = all.get(i);
            leads.add(b.build());
        }
        List<String> fired = new ArrayList<>(Drools.fire(drl.toString(), leads));
        fired.sort(null);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) expected.add(i + ":L" + i);
        expected.sort(null);
        assertEquals(expected, fired, "each literal must match its own lead and no other");
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DrlLiterals.string("a\u0000b"));
        assertThrows(IllegalArgumentException.class, () -> DrlLiterals.string("\u001b[31m"));
    }

    @Test
    void numbersArePrintedFromTheirDecimalValue() {
        assertEquals("0.7", DrlLiterals.number(new java.math.BigDecimal("0.70")));
        assertEquals("120", DrlLiterals.number(new java.math.BigDecimal("1.2E+2")));
        assertEquals("1791590400000L", DrlLiterals.epochMillis(1791590400000L));
    }
}
