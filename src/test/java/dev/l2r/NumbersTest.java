package dev.l2r;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Numbers#parse}: its short path for plain decimals gives the value Double.parseDouble gives. */
class NumbersTest {

    @Test
    void plainDecimalsReadAsTheNearestDouble() {
        assertEquals(81.0, Numbers.parse("81"));
        assertEquals(21618.0, Numbers.parse("21618"));
        assertEquals(0.1, Numbers.parse("0.1"));
        assertEquals(0.3, Numbers.parse(".3"));
        assertEquals(5.0, Numbers.parse("5."));
        assertEquals(-12.75, Numbers.parse("-12.75"));
        assertEquals(12.75, Numbers.parse("+12.75"));
        assertEquals(999999999999999.0, Numbers.parse("999999999999999"));
        assertEquals(1.5e3, Numbers.parse("1.5e3"));
        assertEquals(0.123456789012345, Numbers.parse("0.123456789012345"));
        assertEquals(0.1234567890123456, Numbers.parse("0.1234567890123456")); // 16 digits: the long way
    }

    @Test
    void minusZeroIsZeroAndNegativesStayNegative() {
        assertEquals(0.0, Numbers.parse("-0"));
        assertEquals(0.0, Numbers.parse("-0.000"));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Numbers.parse("-0.0")));
        assertEquals(-5.0, Numbers.parse("-5"));
        assertEquals(-5.0, Numbers.parse("-5.0"));
    }

    @Test
    void whatIsNoNumberIsNoNumber() {
        for (String s :
                List.of("", "-", ".", "1e", "1e1234", "0x10", "60d", "1,5", "1 000", "١٢", "NaN", "1e15", "-1e15")) {
            assertNull(Numbers.parse(s), s);
        }
    }

    @Test
    void agreesWithParseDoubleOnManyGeneratedValues() {
        Random random = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(4) == 0) b.append(random.nextBoolean() ? '-' : '+');
            int whole = random.nextInt(17);
            for (int d = 0; d < whole; d++) b.append(random.nextInt(10));
            if (whole == 0 || random.nextBoolean()) {
                b.append('.');
                int frac = (whole == 0 ? 1 : 0) + random.nextInt(17);
                for (int d = 0; d < frac; d++) b.append(random.nextInt(10));
            }
            String s = b.toString();
            double d = Double.parseDouble(s);
            Double want = Math.abs(d) < Numbers.LIMIT ? d + 0.0 : null;
            Double got = Numbers.parse(s);
            assertEquals(want, got, s);
            if (got != null) assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), s);
        }
    }
}
