package dev.l2r.app;

import dev.l2r.Version;
import dev.l2r.compile.Digests;
import dev.l2r.compile.RulesFile;
import dev.l2r.evaluate.ClauseOutcome;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Finding;
import dev.l2r.evaluate.PersonAccountability;
import dev.l2r.evaluate.TargetResult;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.evaluate.Violation;
import dev.l2r.history.RunRecord;
import dev.l2r.history.StoredRun;
import dev.l2r.ingest.InputFile;
import dev.l2r.model.Agreement;
import dev.l2r.model.Severity;
import dev.l2r.report.RunInfo;
import dev.l2r.report.SummaryTrend;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a check found, as the history store keeps it ({@link RunRecord}): the same figures as accountability.json. */
final class HistoryRecords {

    private HistoryRecords() {}

    static RunRecord of(RunInfo run, Evaluation e, String runJsonSha256, Instant recordedAt) {
        Agreement a = run.agreement();
        List<RunRecord.ClauseRow> clauses = new ArrayList<>();
        List<RunRecord.TeamRow> teams = new ArrayList<>();
        for (TeamAccountability t : e.teams()) {
            if (t.clauses().isEmpty()) continue;
            teams.add(new RunRecord.TeamRow(
                    t.team(),
                    t.owner(),
                    t.met(),
                    t.violated(),
                    t.open(),
                    t.atRisk(),
                    t.compliance(),
                    t.verdict().key()));
            for (ClauseOutcome c : t.clauses()) clauses.add(clause(c, t.team()));
        }
        List<RunRecord.PersonRow> people = new ArrayList<>();
        for (PersonAccountability p : e.people()) {
            people.add(new RunRecord.PersonRow(
                    p.person(), p.team(), p.met(), p.violated(), p.open(), p.atRisk(), p.critical()));
        }
        List<RunRecord.TargetRow> targets = new ArrayList<>();
        for (TargetResult t : e.targets()) {
            targets.add(new RunRecord.TargetRow(
                    t.clauseId(),
                    t.subject(),
                    t.team(),
                    t.metric(),
                    label(a, t),
                    Double.isFinite(t.value()) ? t.value() : null,
                    t.expected(),
                    t.actual(),
                    status(t)));
        }
        Map<String, long[]> checks = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (Finding f : e.findings()) {
            checks.computeIfAbsent(f.checkId(), k -> new long[1])[0]++;
            titles.put(f.checkId(), f.title());
        }
        List<RunRecord.CheckRow> dq = new ArrayList<>();
        checks.forEach((id, n) -> dq.add(new RunRecord.CheckRow(id, titles.get(id), n[0])));
        return new RunRecord(
                a.id(),
                a.version(),
                a.title(),
                new RunRecord.Digests(
                        run.agreementSha256(),
                        run.generatedSha256(),
                        rulesDigest(run.rules()),
                        inputsDigest(run),
                        runJsonSha256),
                Version.VERSION,
                run.period().label(),
                run.period().start().toString(),
                run.period().end().toString(),
                e.asOf(),
                e.isFinal(),
                recordedAt,
                e.verdict().key(),
                e.compliance(),
                violations(e.violations()),
                e.findings().size(),
                clauses,
                teams,
                people,
                targets,
                dq);
    }

    /** Earlier runs (oldest first) as the summary's trend: verdict, compliance and each team's compliance. */
    static List<SummaryTrend> trend(List<StoredRun> earlier) {
        List<SummaryTrend> out = new ArrayList<>();
        for (StoredRun s : earlier) {
            RunRecord r = s.run();
            Map<String, Double> teams = new TreeMap<>();
            for (RunRecord.TeamRow t : r.teams()) teams.put(t.team(), t.compliance());
            out.add(new SummaryTrend(r.periodLabel(), r.verdict(), r.compliance(), teams));
        }
        return List.copyOf(out);
    }

    /** The metric as people read it. */
    private static String label(Agreement a, TargetResult t) {
        return a.target(t.clauseId()).map(c -> c.metric().label()).orElse(t.metric());
    }

    private static RunRecord.ClauseRow clause(ClauseOutcome c, String team) {
        return new RunRecord.ClauseRow(
                c.clauseId(),
                c.title(),
                c.type(),
                c.severity().key(),
                team,
                c.type().equals("target") ? null : c.objective(),
                c.met(),
                c.violated(),
                c.open(),
                c.atRisk(),
                c.compliance(),
                c.verdict().key());
    }

    /** met / missed at the end of the period, else the pace: on track, behind or provisional. */
    private static String status(TargetResult t) {
        return switch (t.pace()) {
            case FINAL -> t.met() ? "met" : "missed";
            default -> t.pace().key();
        };
    }

    private static RunRecord.Violations violations(List<Violation> vs) {
        long[] n = new long[Severity.values().length];
        for (Violation v : vs) n[v.severity().ordinal()]++;
        return new RunRecord.Violations(
                vs.size(), n[Severity.CRITICAL.ordinal()], n[Severity.MAJOR.ordinal()], n[Severity.MINOR.ordinal()]);
    }

    /** One digest over the rules files' digests, in the order they were read. */
    static String rulesDigest(List<RulesFile> rules) {
        StringBuilder b = new StringBuilder();
        for (RulesFile r : rules) b.append(r.sha256()).append('\n');
        return Digests.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One digest over the contents of the data files read, whatever their paths: the digests of the files,
     * sorted. {@code l2r replay} compares it with a recorded run's to know it re-scores the same data.
     */
    static String inputsDigest(RunInfo run) {
        List<String> each = new ArrayList<>();
        for (InputFile f : run.inputs()) each.add(f.sha256());
        each.sort(null);
        return Digests.sha256(String.join("\n", each).getBytes(StandardCharsets.UTF_8));
    }
}
