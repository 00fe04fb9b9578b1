package dev.l2r.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.l2r.model.BusinessCalendar.Span;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The calendar-hours grammar on its own: day keys and spans of a day. */
class HoursGrammarTest {

    @Test
    void aDayKeyIsADayARangeOrAList() {
        assertEquals(Optional.of(List.of(DayOfWeek.MONDAY)), HoursGrammar.days("Mon"));
        assertEquals(
                Optional.of(List.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)),
                HoursGrammar.days("thu - sat"));
        assertEquals(Optional.of(List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)), HoursGrammar.days("mon,wed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fri-mon", "monday", "", "mon-", "mon,,wed", "weekdays"})
    void otherKeysNameNoDays(String key) {
        assertEquals(Optional.empty(), HoursGrammar.days(key));
    }

    @Test
    void spansAreSortedAndClosedHasNone() {
        assertEquals(
                List.of(new Span(480, 720), new Span(780, 1440)),
                HoursGrammar.spans(" 13:00-24:00, 08:00-12:00 ").spans());
        assertEquals(List.of(), HoursGrammar.spans("Closed").spans());
    }

    @Test
    void aBadSpanIsNamedWithTheHint() {
        HoursGrammar.Spans s = HoursGrammar.spans("09:00-17:00, 18:00-17:30");
        assertNull(s.spans());
        assertEquals("\"18:00-17:30\" is not a span of hours; " + HoursGrammar.SPAN_HINT, s.problem());
        assertEquals(
                "\"24:30-25:00\" is not a span of hours; " + HoursGrammar.SPAN_HINT,
                HoursGrammar.spans("24:30-25:00").problem());
        assertEquals(
                "\"9:00-17:00\" is not a span of hours; " + HoursGrammar.SPAN_HINT,
                HoursGrammar.spans("9:00-17:00").problem());
    }

    @Test
    void overlappingSpansAreRefused() {
        assertEquals(
                "\"09:00-12:00, 11:00-13:00\": spans overlap",
                HoursGrammar.spans("09:00-12:00, 11:00-13:00").problem());
    }
}
