package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The charts' geometry worked out by hand, and what makes them readable without colour or script. */
class ChartsTest {

    private static final Pattern RECT =
            Pattern.compile("<rect x=\"([^\"]+)\" y=\"([^\"]+)\" width=\"([^\"]+)\" height=\"14\"");
    private static final Pattern TICK = Pattern.compile("<line x1=\"([^\"]+)\" x2=\"[^\"]+\" y1=\"([^\"]+)\"");

    /** x, y, width of every bar, in drawing order. */
    private static List<String> bars(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = RECT.matcher(svg);
        while (m.find()) out.add(m.group(1) + "," + m.group(2) + "," + m.group(3));
        return out;
    }

    private static final List<Charts.Bar> THREE = List.of(
            new Charts.Bar("MQLs", 80, 100, false, "80", ">= 100"),
            new Charts.Bar("SALs", 150, 100, true, "150", ">= 100"),
            new Charts.Bar("Won", 0, 50, false, "0", ">= 50"));

    @Test
    void funnelBarsAreActualOverOneAndAQuarterTimesTheLargerOfActualAndTarget() {
        // width 400: 80 of 125 -> 256; 150 of 187.5 -> 320; 0 of 62.5 -> 0; rows 40 apart, bars 20 below the row top
        String svg = Charts.funnel("Funnel", THREE);
        assertEquals(List.of("0,20,256", "0,60,320", "0,100,0"), bars(svg));
        List<String> ticks = new ArrayList<>();
        Matcher m = TICK.matcher(svg);
        while (m.find()) ticks.add(m.group(1) + "," + m.group(2));
        // target ticks: 100 of 125 -> 320; 100 of 187.5 -> 213.33; 50 of 62.5 -> 320; 4 above the bar
        assertEquals(List.of("320,16", "213.33,56", "320,96"), ticks);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 124\""), svg);
    }

    @Test
    void aMissedTargetIsHatchedAndMarkedNotOnlyColoured() {
        String svg = Charts.funnel("Funnel", THREE);
        assertTrue(svg.contains("✗ 80 / &gt;= 100"), svg);
        assertTrue(svg.contains("✓ 150 / &gt;= 100"), svg);
        assertTrue(svg.contains("fill=\"url(#miss)\""), svg);
        assertTrue(svg.contains("<pattern id=\"miss\""), svg);
    }

    @Test
    void violationBarsShareOneScaleAndStackByTeam() {
        String svg = Charts.violations(
                "Violations",
                List.of(
                        new Charts.Count("S1", "amer", 2),
                        new Charts.Count("S1", "emea", 1),
                        new Charts.Count("S2", "amer", 6),
                        new Charts.Count("S3", "emea", 3)));
        // largest total 6 spans 400: 2 -> 133.33, 1 -> 66.67 after it, 6 -> 400, 3 -> 200; then the legend's
        // 14-wide swatches 8 below the last row (3 * 40 + 8) and 20 apart
        assertEquals(
                List.of("0,20,133.33", "133.33,20,66.67", "0,60,400", "0,100,200", "0,128,14", "0,148,14"), bars(svg));
        assertTrue(svg.contains(">S1: 3</text>"), svg);
        assertTrue(svg.contains(">amer 2, emea 1</text>"), svg);
        assertTrue(svg.contains("fill=\"url(#team0)\"") && svg.contains("fill=\"url(#team1)\""), svg);
        // the legend names each team
        assertTrue(svg.contains(">amer</text>") && svg.contains(">emea</text>"), svg);
    }

    @Test
    void oneRecordedPeriodShowsItsPointsAndSaysWhenTheTrendStarts() {
        String svg = Charts.trend(
                "Compliance",
                List.of(new Charts.Point("2026-09", "amer", 0.948), new Charts.Point("2026-09", "emea", 0.9)));
        assertTrue(svg.contains("The trend starts when more periods are recorded."), svg);
        assertTrue(svg.contains(">94.8%</text>") && svg.contains(">90%</text>"), svg);
        assertFalse(svg.contains("<path d=\"M"), "no line with one point: " + svg);
    }

    @Test
    void severalPeriodsDrawOneLinePerTeamOnAScaleFromTheLowestTenthUp() {
        String svg = Charts.trend(
                "Compliance",
                List.of(
                        new Charts.Point("2026-07", "amer", 0.85),
                        new Charts.Point("2026-08", "amer", 0.9),
                        new Charts.Point("2026-09", "amer", 1.0)));
        // scale 80%..100% over 44 units below y 32: 85% -> 76 - 44*0.25 = 65, 90% -> 54, 100% -> 32;
        // x from 48 + 28 to 360 - 28 in 2 steps of 128
        assertTrue(svg.contains("<path d=\"M76 65 L204 54 L332 32\""), svg);
        assertFalse(svg.contains("trend starts"), svg);
    }

    @Test
    void everyChartIsAnAccessibleImageWithoutScript() {
        for (String svg : List.of(
                Charts.funnel("A <title>", THREE),
                Charts.violations("V", List.of(new Charts.Count("S1", "t", 1))),
                Charts.trend("T", List.of(new Charts.Point("p", "t", 0.5))))) {
            assertTrue(svg.contains("role=\"img\""), svg);
            assertTrue(svg.contains("<title>"), svg);
            assertTrue(svg.contains("width=\"100%\""), svg);
            assertFalse(svg.contains("<script"), svg);
            assertFalse(svg.contains("href=\"http"), svg);
        }
        assertTrue(Charts.funnel("A <title>", THREE).contains("aria-label=\"A &lt;title&gt;\""));
    }

    @Test
    void numbersUseAPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("133.33", Charts.num(400.0 * 2 / 6));
            assertEquals("0", Charts.num(-0.0001));
            assertEquals("12", Charts.num(12.0));
            assertTrue(Charts.funnel("F", THREE).contains("x1=\"213.33\""));
        } finally {
            Locale.setDefault(before);
        }
    }
}
