package dev.l2r.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code l2r check} found, as the history store keeps it: plain values only, so the store and the
 * trend report need nothing from the evaluation. Text fields may be null unless noted; counts are whole
 * numbers; a compliance is a share from 0 to 1, or null when nothing was decided.
 *
 * @param agreementId the agreement's {@code sla} id, never null
 * @param periodLabel the period as written on the command line ({@code 2026-09}), never null
 * @param periodStart first day of the period, ISO date ({@code 2026-09-01}), never null
 * @param periodEnd the day after the period, ISO date ({@code 2026-10-01}): periods are half-open
 * @param asOf the as-of time of the run, ISO-8601 text as the summary shows it
 * @param isFinal true when as-of is at or after the end of the period: no later run can change the figures
 * @param recordedAt when the caller recorded the run (the store never reads the clock), never null
 * @param verdict {@code kept}, {@code at risk} or {@code breached}
 */
public record RunRecord(
        String agreementId,
        String agreementVersion,
        String agreementTitle,
        Digests digests,
        String toolVersion,
        String periodLabel,
        String periodStart,
        String periodEnd,
        String asOf,
        boolean isFinal,
        Instant recordedAt,
        String verdict,
        Double compliance,
        Violations violations,
        long dataQualityFindings,
        List<ClauseRow> clauses,
        List<TeamRow> teams,
        List<PersonRow> people,
        List<TargetRow> targets,
        List<CheckRow> dataQuality) {

    public RunRecord {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(periodLabel, "periodLabel");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(recordedAt, "recordedAt");
        digests = digests == null ? new Digests(null, null, null, null, null) : digests;
        violations = violations == null ? new Violations(0, 0, 0, 0) : violations;
        clauses = List.copyOf(clauses);
        teams = List.copyOf(teams);
        people = List.copyOf(people);
        targets = List.copyOf(targets);
        dataQuality = List.copyOf(dataQuality);
    }

    /**
     * The SHA-256 digests (hex) that tie a run to its inputs, as run.json lists them.
     *
     * @param rules one digest over all hand-written rules files
     * @param inputs one digest over all data files read
     * @param runJson the digest of the run.json written by the run
     */
    public record Digests(String agreement, String generatedDrl, String rules, String inputs, String runJson) {}

    /** Violations of the period: all of them, and by severity. */
    public record Violations(long total, long critical, long major, long minor) {}

    /**
     * How one clause did, for one accountable team or (team null) for all.
     *
     * @param objective the clause's objective as a share (0.95 for "95% of items met"), or null
     * @param verdict {@code kept}, {@code at risk} or {@code breached}
     */
    public record ClauseRow(
            String clauseId,
            String title,
            String type,
            String severity,
            String team,
            Double objective,
            long met,
            long violated,
            long open,
            long atRisk,
            Double compliance,
            String verdict) {}

    /** How one team did over all the clauses it answers for. */
    public record TeamRow(
            String team,
            String owner,
            long met,
            long violated,
            long open,
            long atRisk,
            Double compliance,
            String verdict) {}

    /** How one person (a lead's owner or a team's owner) did. */
    public record PersonRow(
            String person, String team, long met, long violated, long open, long atRisk, long criticalViolations) {}

    /**
     * A target measured for one subject ({@code all} or a team).
     *
     * @param label the metric as people read it ({@code MQL to SAL conversion})
     * @param value the measured value as a number, or null when it could not be measured
     * @param status {@code met}, {@code missed}, {@code on track}, {@code behind} or {@code provisional}
     */
    public record TargetRow(
            String clauseId,
            String subject,
            String team,
            String metric,
            String label,
            Double value,
            String expected,
            String actual,
            String status) {}

    /** A data-quality check and the number of records it found. */
    public record CheckRow(String checkId, String title, long findings) {}
}
