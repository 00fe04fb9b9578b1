package dev.l2r.evaluate;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Targets checked mid-period (docs/AGREEMENTS.md "Pacing"), hand-computed: October 2026 has 22 weekdays,
 * 21 business days with the holiday of Monday 2026-10-12; business hours 09:00-17:00 New York time (168 in
 * the month). At 2026-10-16T08:00 ten business days (1, 2, 5-9, 13-15 October) have passed: elapsed 10/21.
 */
class PacingTest {

    static final RuleVerifier VERIFY = RuleVerifier.of("""
            sla: t
            period: month
            timezone: America/New_York
            calendar:
              hours: { mon-fri: "09:00-17:00" }
              holidays: [2026-10-12]
            teams:
              marketing: { owner: "VP Marketing" }
              sdr: { owner: "SDR Manager" }
            clauses:
              - id: V1
                type: target
                metric: count(mql)
                min: 42
                owner: marketing
              - id: V2
                type: target
                metric: count(mql)
                per: team
                min: 21
                owner: lead.team
              - id: C1
                type: target
                metric: conversion(mql, sal)
                min: 0.5
                owner: sdr
              - id: S1
                type: target
                metric: metric(spend)
                max: 21000
                owner: marketing
            """);

    static final String TEN_DAYS = "2026-10-16T08:00";

    /** {@code n} MQLs of a team on 2026-10-01 (a business day), {@code sal} of them accepted. */
    static List<LeadBuilder> mqls(String team, int n, int sal) {
        List<LeadBuilder> out = new ArrayList<>();
        LocalDateTime at = LocalDateTime.parse("2026-10-01T10:00");
        for (int i = 0; i < n; i++) {
            String t = at.plusMinutes(i).toString();
            LeadBuilder l = lead(team + i).created(t).team(team).mql(t);
            out.add(i < sal ? l.sal(at.plusMinutes(i + 60).toString()) : l);
        }
        return out;
    }

    /** East's MQLs, and a west lead that is no MQL: west is a subject of V2 with nothing counted. */
    static List<LeadBuilder> leads(int n, int sal) {
        List<LeadBuilder> out = new ArrayList<>(mqls("east", n, sal));
        out.add(lead("W0").created("2026-10-01T10:00").team("west"));
        return out;
    }

    static Map<String, TargetResult> targets(Evaluation e) {
        return e.targets().stream()
                .collect(Collectors.toMap(t -> t.clauseId() + " " + t.subject(), Function.identity()));
    }

    @Test
    void elapsedCountsBusinessDaysSkippingWeekendsAndTheHoliday() {
        double tenOf21 = 10.0 / 21;
        assertEquals(tenOf21, elapsedAt(TEN_DAYS), 1e-12);
        // Friday evening and the whole weekend add nothing: still 2 days (1 and 2 October) on Sunday
        assertEquals(2.0 / 21, elapsedAt("2026-10-04T12:00"), 1e-12);
        // the holiday adds nothing: Monday 12 October at noon is still 7 business days
        assertEquals(7.0 / 21, elapsedAt("2026-10-12T12:00"), 1e-12);
        // a partly worked day counts by its hours: 4 of 8 hours of the first day
        assertEquals(0.5 / 21, elapsedAt("2026-10-01T13:00"), 1e-12);
        assertEquals(1.0, elapsedAt("2026-11-01T00:00"), 0);
    }

    private static double elapsedAt(String asOf) {
        return VERIFY.given(mqls("east", 1, 0))
                .forPeriod("2026-10")
                .asOf(asOf)
                .evaluation()
                .elapsed();
    }

    @Test
    void midPeriodAVolumeAtItsProRatedPaceIsOnTrackAndNoViolation() {
        // V1: 42 x 10/21 = 20 MQLs due by now; 20 east + 0 west = 20: on track
        Evaluation e = VERIFY.given(leads(20, 10))
                .forPeriod("2026-10")
                .asOf(TEN_DAYS)
                .metric("", "spend", 10000)
                .evaluation();
        assertFalse(e.isFinal());
        Map<String, TargetResult> t = targets(e);
        TargetResult v1 = t.get("V1 all");
        assertEquals(Pace.ON_TRACK, v1.pace());
        assertEquals(20.0, v1.paceValue(), 1e-9);
        assertFalse(v1.met(), "20 of 42 is short of the full bound");
        assertEquals(Verdict.KEPT, v1.verdict());
        // V2 per team: east 20 >= 10 on track; west 0 < 10 behind
        assertEquals(Pace.ON_TRACK, t.get("V2 east").pace());
        assertEquals(Pace.BEHIND, t.get("V2 west").pace());
        assertEquals(10.0, t.get("V2 west").paceValue(), 1e-9);
        assertEquals(Verdict.AT_RISK, t.get("V2 west").verdict());
        // C1, a rate, is provisional: 10 of 20 = 50% meets 0.5 so far
        assertEquals(Pace.PROVISIONAL, t.get("C1 all").pace());
        assertNull(t.get("C1 all").paceValue());
        assertEquals(Verdict.KEPT, t.get("C1 all").verdict());
        // S1, a cap: 21,000 x 10/21 = 10,000 spent by now is on track (at the pro-rated cap)
        assertEquals(Pace.ON_TRACK, t.get("S1 all").pace());
        assertEquals(10000.0, t.get("S1 all").paceValue(), 1e-6);
        // no target is a violation mid-period; none counts for compliance
        assertEquals(List.of(), e.violations());
        assertEquals(0, e.met());
        assertEquals(0, e.violated());
        assertNull(e.compliance());
        // on track or provisionally met: open; behind: at risk
        assertEquals(4, e.open()); // V1, V2 east, C1, S1
        assertEquals(1, e.atRisk()); // V2 west
        assertEquals(Verdict.AT_RISK, e.verdict());
    }

    @Test
    void midPeriodAVolumeBehindPaceAndARateMissedAreAtRisk() {
        // 19 MQLs: short of the pace of 20; 9 of 19 accepted: 47% under 50%; 10,001 spent: over the pro-rated cap
        Evaluation e = VERIFY.given(leads(19, 9))
                .forPeriod("2026-10")
                .asOf(TEN_DAYS)
                .metric("", "spend", 10001)
                .evaluation();
        Map<String, TargetResult> t = targets(e);
        assertEquals(Pace.BEHIND, t.get("V1 all").pace());
        assertEquals(Verdict.AT_RISK, t.get("V1 all").verdict());
        assertEquals(Pace.PROVISIONAL, t.get("C1 all").pace());
        assertEquals(Verdict.AT_RISK, t.get("C1 all").verdict());
        assertEquals(Pace.BEHIND, t.get("S1 all").pace());
        assertTrue(t.get("S1 all").met(), "within the full cap");
        assertEquals(Verdict.AT_RISK, t.get("S1 all").verdict(), "spending ahead of plan");
        assertEquals(List.of(), e.violations());
        assertEquals(4, e.atRisk()); // V1, V2 west, C1, S1
        assertEquals(1, e.open()); // V2 east: 19 >= 10
    }

    @Test
    void atThePeriodsEndTheSameShortfallIsAViolation() {
        Evaluation e = VERIFY.given(leads(19, 9))
                .forPeriod("2026-10")
                .metric("", "spend", 10001)
                .evaluation();
        assertTrue(e.isFinal());
        assertEquals(1.0, e.elapsed());
        Map<String, TargetResult> t = targets(e);
        assertEquals(Pace.FINAL, t.get("V1 all").pace());
        assertEquals(Verdict.BREACHED, t.get("V1 all").verdict());
        assertEquals(Verdict.KEPT, t.get("S1 all").verdict(), "the cap is judged in full at the end");
        assertEquals(
                List.of("V1 all", "V2 east", "V2 west", "C1 all"),
                e.violations().stream()
                        .map(v -> v.clauseId() + " " + v.subject())
                        .toList());
    }
}
