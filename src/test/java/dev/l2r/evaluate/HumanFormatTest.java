package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.model.Metric;
import dev.l2r.model.Stage;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** One number format throughout: each format with hand-written expectations. */
class HumanFormatTest {

    @Test
    void integersCarryThousandsSeparators() {
        assertEquals("1,179", HumanFormat.integer(1179));
        assertEquals("0", HumanFormat.integer(0.4));
        assertEquals("1,000,000", HumanFormat.integer(999_999.5));
        assertEquals("-12,345", HumanFormat.integer(-12_345));
        assertEquals("999", HumanFormat.integer(999));
    }

    @Test
    void numbersKeepUpToTheirDecimalsWithoutTrailingZeros() {
        assertEquals("12,345.67", HumanFormat.number(12_345.671, 2));
        assertEquals("12.5", HumanFormat.number(12.50, 2));
        assertEquals("0.25", HumanFormat.number(0.25, 4));
        assertEquals("-0.5", HumanFormat.number(-0.5, 1));
    }

    @Test
    void percentagesHaveOneDecimal() {
        assertEquals("45.2%", HumanFormat.percent(0.4523));
        assertEquals("40%", HumanFormat.percent(0.4));
        assertEquals("100%", HumanFormat.percent(1));
    }

    @Test
    void moneyCarriesItsCurrencyAndCentsOnlyBelowAThousandWhenThereAreAny() {
        assertEquals("$5,241,000", HumanFormat.money(5_241_000, "USD"));
        assertEquals("$241.10", HumanFormat.money(241.1, "USD"));
        assertEquals("$1,000", HumanFormat.money(999.996, "USD"));
        assertEquals("$999.99", HumanFormat.money(999.99, "USD"));
        assertEquals("$200", HumanFormat.money(200, "USD"));
        assertEquals("$0", HumanFormat.money(0.001, "USD"));
        assertEquals("€1,234", HumanFormat.money(1234.4, "EUR"));
        assertEquals("£0.50", HumanFormat.money(0.5, "GBP"));
        assertEquals("5,241,000 CHF", HumanFormat.money(5_241_000, "CHF"));
        assertEquals("12.30 BRL", HumanFormat.money(12.3, "BRL"));
        assertEquals("-$1,500", HumanFormat.money(-1500, "USD"));
        assertEquals("5,241,000", HumanFormat.money(5_241_000));
        assertEquals("241.10", HumanFormat.money(241.1));
    }

    @Test
    void multiplesAndDays() {
        assertEquals("2.76×", HumanFormat.multiple(2.756));
        assertEquals("3×", HumanFormat.multiple(3));
        assertEquals("12.5 days", HumanFormat.days(12.5));
        assertEquals("1 day", HumanFormat.days(1.04));
        assertEquals("0 days", HumanFormat.days(0));
    }

    @Test
    void readableTimesAreLocalToTheZone() {
        long t = OffsetDateTime.parse("2026-09-08T14:30-04:00").toInstant().toEpochMilli();
        assertEquals("Tue 8 Sep 2026, 14:30 EDT", HumanFormat.readable(t, ZoneId.of("America/New_York")));
        assertEquals("Tue 8 Sep 2026, 19:30 BST", HumanFormat.readable(t, ZoneId.of("Europe/London")));
        assertEquals("2026-09-08T14:30:00-04:00", HumanFormat.iso(t, ZoneId.of("America/New_York")));
    }

    @Test
    void metricValuesFollowTheirUnit() {
        assertEquals("1,179", MetricCalculator.format(new Metric.Count(Stage.MQL), 1179, "USD"));
        assertEquals("45.2%", MetricCalculator.format(new Metric.Conversion(Stage.MQL, Stage.SAL), 0.452, "USD"));
        assertEquals("$241.10", MetricCalculator.format(new Metric.CostPer(Stage.MQL), 241.1, "USD"));
        assertEquals("$5,241,000", MetricCalculator.format(new Metric.Revenue(), 5_241_000, "USD"));
        assertEquals("2.76×", MetricCalculator.format(new Metric.PipelineCoverage(), 2.76, "USD"));
        assertEquals("12.5 days", MetricCalculator.format(new Metric.SalesCycleDays(), 12.5, "USD"));
        assertEquals("1,250", MetricCalculator.format(new Metric.Named("partner_enablement_sessions"), 1250, "USD"));
        assertEquals("€40,000", MetricCalculator.format(new Metric.Named("event_spend"), 40_000, "EUR"));
        assertEquals("5.2 percentage points", MetricCalculator.formatGap(new Metric.WinRate(), 0.052, "USD"));
    }

    @Test
    void lessThanAMinuteLateIsSaidInSecondsNeverAsZeroMinutes() {
        assertEquals("0.25 business seconds", HumanFormat.duration(250, true));
        assertEquals("1 business second", HumanFormat.duration(1_000, true));
        assertEquals("45 seconds", HumanFormat.duration(45_000, false));
        assertEquals("1 business min", HumanFormat.duration(60_000, true));
    }
}
