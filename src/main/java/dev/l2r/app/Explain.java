package dev.l2r.app;

import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.calendar.FollowUpClock;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.DrlLiterals;
import dev.l2r.compile.RulesFile;
import dev.l2r.evaluate.ClauseOutcome;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Evaluator;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.evaluate.LeadDecisions;
import dev.l2r.evaluate.Limits;
import dev.l2r.evaluate.Stages;
import dev.l2r.evaluate.TargetResult;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.PeriodWindow;
import dev.l2r.ingest.DataLoader;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.ingest.Rows;
import dev.l2r.ingest.profile.Profile;
import dev.l2r.ingest.profile.Profiles;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Condition;
import dev.l2r.model.Period;
import dev.l2r.model.Stage;
import dev.l2r.parse.AgreementParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code l2r explain}: a clause in plain words with its generated rules; one lead against every clause,
 * with the clock arithmetic of each follow-up; and which clauses the data ever reached. What applies to a
 * lead and its outcome are decided by the compiled rules, as in {@code l2r check}.
 */
public final class Explain {

    private Explain() {}

    // ---- --clause ----

    /** The clause in plain words, then its generated DRL rules as {@code l2r compile} prints them. */
    public static String clause(Path sla, String id) {
        return clause(sla, id, null);
    }

    /**
     * As {@link #clause(Path, String)}; for a {@code rule} clause also the rule it names, as written in the
     * rules directory (or, for a decision table, the DRL generated from its row). {@code rules} is the rules
     * directory, or null for the default.
     */
    public static String clause(Path sla, String id, Path rules) {
        Agreement a = AgreementParser.load(sla);
        Clause c = clauseOf(a, id);
        String drl = DrlGenerator.generate(a);
        String out = ClauseWords.sentence(a, c) + "\n\n" + rulesOf(drl, c);
        if (!(c instanceof Clause.Rule r)) {
            if (rules != null) RulesFile.readAll(rules); // a --rules given is read, even when this clause needs none
            return out;
        }
        Path dir;
        try {
            dir = RulesDirectory.resolve(rules);
        } catch (InputError e) {
            if (rules != null) throw e;
            return out; // no rules directory here: the clause in words is still worth showing
        }
        List<RulesFile> files = RulesFile.readAll(dir);
        CompiledRules.build(a, sla.toString(), drl, files); // the rule exists, and every file compiles
        for (RulesFile f : files) {
            String source = f.ruleSource(r.rule());
            if (source != null) return out + "\n" + source;
        }
        return out;
    }

    private static Clause clauseOf(Agreement a, String id) {
        return a.clause(id)
                .orElseThrow(() -> new InputError(
                        "--clause: agreement " + a.id() + " has no clause \"" + id + "\"; its clauses are "
                                + a.clauses().stream().map(Clause::id).collect(Collectors.joining(", "))));
    }

    /** The section of the generated DRL that belongs to one clause (its rules, with their comment line). */
    static String rulesOf(String drl, Clause c) {
        String marker = "@clause(" + DrlLiterals.string(c.id()) + ")";
        String header = "// ---- " + c.id() + " (";
        for (String section : drl.split("\n(?=// ---- )")) {
            if (!section.startsWith("// ---- ")) continue;
            if (section.contains(marker) || section.startsWith(header)) {
                return section.endsWith("\n") ? section : section + "\n";
            }
        }
        return "// (no generated rules for " + c.id() + ")\n";
    }

    // ---- --lead and --coverage ----

    /**
     * What to explain over the data.
     *
     * @param asOf ISO-8601 text, or null for the end of the period
     * @param profile a mapping profile's name or file, or null for canonical data
     * @param rules the rules directory, or null for the default
     */
    public record Request(Path sla, List<Path> data, String profile, String period, String asOf, Path rules) {}

    /** One lead's explanation: the text, and each clause's outcome for it (as the rules decided). */
    public record LeadExplanation(String text, Map<String, String> outcomes) {}

    /** The agreement, rules and data loaded once; explains leads one by one. */
    public static final class Session {
        private final Agreement a;
        private final Period period;
        private final CompiledRules compiled;
        private final Dataset dataset;
        private final PeriodWindow window;
        private final Instant asOf;
        private final LeadDecisions decisions;
        /** True when the data was read through a mapping profile (its lead id column is the profile's). */
        private final boolean mapped;
        /** The where conditions that hold for the last lead probed. */
        private Lead holdingFor;

        private Set<String> holding;
        private Map<String, Lead> byId;

        public Session(Request r) {
            a = AgreementParser.load(r.sla());
            period = a.period(r.period());
            asOf = a.asOf(period, r.asOf());
            List<RulesFile> rulesFiles = RulesFile.readAll(RulesDirectory.resolve(r.rules()));
            String drl = DrlGenerator.generate(a);
            compiled = CompiledRules.build(a, r.sla().toString(), drl, rulesFiles);
            Profile mapping = r.profile() == null ? null : Profiles.resolve(r.profile());
            mapped = mapping != null;
            dataset = new DataLoader(a.zone(), a.fields(), mapping, Progress.QUIET).load(r.data(), period.label());
            long start = period.startIn(a.zone()).toInstant().toEpochMilli();
            long end = period.endIn(a.zone()).toInstant().toEpochMilli();
            window = new PeriodWindow(period.label(), start, end, asOf == null ? end : asOf.toEpochMilli(), a.zone());
            decisions = new LeadDecisions(a, compiled, window);
        }

        public Agreement agreement() {
            return a;
        }

        public Dataset dataset() {
            return dataset;
        }

        /** Explains one lead; an unknown id is bad input. */
        public LeadExplanation lead(String id) {
            if (byId == null) {
                byId = new LinkedHashMap<>();
                for (Lead l : dataset.leads()) byId.putIfAbsent(l.getLeadId(), l);
            }
            Lead lead = byId.get(id);
            if (lead == null) {
                RejectedRow row = rejected(id);
                if (row != null) {
                    throw new InputError("--lead: lead \"" + id + "\" was rejected, not read: " + row.describe());
                }
                int n = dataset.rejected().size();
                throw new InputError("--lead: no lead \"" + id + "\" in the data ("
                        + dataset.leads().size() + " leads read"
                        + (n == 0 ? "" : "; " + n + " rejected row" + (n == 1 ? "" : "s") + " could not be read")
                        + ")");
            }
            return explain(lead);
        }

        /**
         * The rejected row of a lead that is not among the leads read: the lines of the leads files whose
         * lead_id is {@code id}, matched with the rows rejected at those lines; null when there is none (or
         * the data came through a profile, whose lead id column is its own).
         */
        private RejectedRow rejected(String id) {
            if (dataset.rejected().isEmpty() || mapped) return null;
            for (InputFile f : dataset.inputs()) {
                if (!f.role().equals("leads") || f.rejected() == 0)
                    continue; // only a file with rejected rows is read again
                Set<Long> lines = new HashSet<>();
                Rows.read(Path.of(f.path()), (names, values, line, problem) -> {
                    int i = names.indexOf("lead_id");
                    if (i >= 0
                            && values != null
                            && i < values.length
                            && values[i] != null
                            && values[i].strip().equals(id)) lines.add(line);
                });
                for (RejectedRow row : dataset.rejected()) {
                    if (row.file().equals(f.path()) && lines.contains(row.line())) return row;
                }
            }
            return null;
        }

        private LeadExplanation explain(Lead raw) {
            long asOfMillis = window.getAsOf();
            StringBuilder out = new StringBuilder();
            Map<String, String> outcomes = new LinkedHashMap<>();
            out.append("Lead ")
                    .append(raw.getLeadId())
                    .append(" (team ")
                    .append(nz(raw.getTeam()))
                    .append(", owner ")
                    .append(nz(raw.getOwner()))
                    .append("), agreement ")
                    .append(a.id())
                    .append(", period ")
                    .append(period.label())
                    .append(", as of ")
                    .append(HumanFormat.iso(asOfMillis, a.zone()))
                    .append('\n');
            Lead lead = raw.seenAt(asOfMillis);
            if (lead == null) {
                out.append("The lead was created after the as-of time: no clause applies to it yet.\n");
                for (Clause c : a.clauses()) outcomes.put(c.id(), "not-applicable");
                return new LeadExplanation(out.toString(), outcomes);
            }
            Map<String, List<LeadDecisions.Decided>> decided = new LinkedHashMap<>();
            for (LeadDecisions.Decided d : decisions.decide(lead))
                decided.computeIfAbsent(d.clauseId(), k -> new ArrayList<>()).add(d);
            List<String> notApplying = new ArrayList<>();
            for (Clause c : a.clauses()) {
                List<LeadDecisions.Decided> ds = decided.getOrDefault(c.id(), List.of());
                String why = null;
                if (c instanceof Clause.FollowUp f) {
                    FollowUpItem item = decisions.item(f, lead);
                    if (item == null) why = outside(f.from(), lead);
                    else if (ds.isEmpty()) why = segment(c, lead);
                    else {
                        String kind = ds.get(0).outcome();
                        outcomes.put(c.id(), kind);
                        out.append('\n').append(heading(c, lead)).append('\n');
                        FollowUpClock clock = decisions.clock(f, item.getTeam());
                        for (String line : ClockSteps.lines(f, item, clock, a, kind, asOfMillis))
                            out.append("  ").append(line).append('\n');
                    }
                } else if (c instanceof Clause.Handoff h) {
                    if (!window.contains(Stages.at(lead, h.at()))) why = outside(h.at(), lead);
                    else if (ds.isEmpty()) why = segment(c, lead);
                    else {
                        boolean met = ds.stream().anyMatch(d -> d.outcome().equals("met"));
                        outcomes.put(c.id(), met ? "met" : "violated");
                        out.append('\n').append(heading(c, lead)).append('\n');
                        for (int i = 0; i < h.require().size(); i++) {
                            Condition req = h.require().get(i);
                            int n = i + 1;
                            boolean failed = ds.stream().anyMatch(d -> d.requirement() == n);
                            out.append("  ")
                                    .append(n)
                                    .append(". ")
                                    .append(ClauseWords.condition(req))
                                    .append(": the lead has ")
                                    .append(ShownValue.of(req, lead, a.zone()))
                                    .append(" → ")
                                    .append(failed ? "failed" : "passed")
                                    .append('\n');
                        }
                        out.append("  outcome: ")
                                .append(met ? "met" : "violated")
                                .append('\n');
                    }
                } else if (c instanceof Clause.Rejection r) {
                    if (!window.contains(lead.getRejectedAt())) why = outside(Stage.REJECTED, lead);
                    else if (ds.isEmpty()) why = segment(c, lead);
                    else {
                        String kind = ds.get(0).outcome();
                        outcomes.put(c.id(), kind);
                        String reason = lead.getRejectionReason();
                        out.append('\n').append(heading(c, lead)).append('\n');
                        out.append("  rejected ")
                                .append(HumanFormat.when(lead.getRejectedAt(), a.zoneOf(LeadDecisions.teamOf(c, lead))))
                                .append(" with reason ")
                                .append(reason == null ? "none" : "\"" + reason + "\"")
                                .append(
                                        reason == null
                                                ? ": a rejection must carry a reason"
                                                : r.reasons().contains(reason)
                                                        ? ": on the agreed list"
                                                        : ": not on the agreed list ("
                                                                + r.reasons().size() + " reasons)")
                                .append('\n');
                        out.append("  outcome: ").append(kind).append('\n');
                    }
                } else if (c instanceof Clause.Target t) {
                    boolean member = t.head().where().isEmpty()
                            || ds.stream().anyMatch(d -> d.outcome().equals("segment"));
                    outcomes.put(c.id(), member ? "segment" : "not-applicable");
                    notApplying.add(c.id() + " (target " + t.metric().text()
                            + "): measured over the period, not per lead; "
                            + (member ? "the lead is in its segment" : segment(c, lead)));
                    continue;
                } else {
                    notApplying.add(c.id() + " (rule): decided by a hand-written rule; run l2r check for its findings");
                    outcomes.put(c.id(), "not-applicable");
                    continue;
                }
                if (why != null) {
                    outcomes.put(c.id(), "not-applicable");
                    notApplying.add(c.id() + " (" + c.type() + "): " + why);
                }
            }
            if (!notApplying.isEmpty()) {
                out.append("\nNot assessed for this lead:\n");
                for (String s : notApplying) out.append("  ").append(s).append('\n');
            }
            return new LeadExplanation(out.toString(), outcomes);
        }

        private String heading(Clause c, Lead lead) {
            return c.id() + " (" + c.type() + ", " + c.head().severity().key() + ", team "
                    + LeadDecisions.teamOf(c, lead) + ")" + (c.title() == null ? "" : ": " + c.title());
        }

        private String outside(Stage s, Lead lead) {
            Long t = Stages.at(lead, s);
            if (t == null) return "outside the period: the lead has no " + s.key() + "_at";
            return "outside the period: " + s.key() + " at " + HumanFormat.when(t, a.zone()) + " is not in "
                    + period.label();
        }

        private String segment(Clause c, Lead lead) {
            if (holdingFor != lead) { // the probes run once per lead, not once per clause
                holding = decisions.holdingConditions(lead);
                holdingFor = lead;
            }
            List<Condition> where = c.head().where();
            for (int i = 0; i < where.size(); i++) {
                Condition w = where.get(i);
                if (!holding.contains(c.id() + "#" + (i + 1))) {
                    return "not in the segment: \"" + w.text() + "\" fails (the lead has "
                            + ShownValue.of(w, lead, a.zone()) + ")";
                }
            }
            return "no rule of the clause matched the lead";
        }

        // ---- coverage ----

        /** Per clause: items assessed over the data, and the clauses that never applied. */
        public String coverage() {
            Evaluation e = Evaluator.run(a, compiled, dataset, period, asOf, Limits.defaults(), Progress.QUIET);
            Map<String, long[]> counts = new LinkedHashMap<>();
            for (Clause c : a.clauses()) counts.put(c.id(), new long[4]);
            for (TeamAccountability t : e.teams()) {
                for (ClauseOutcome o : t.clauses()) {
                    long[] n = counts.get(o.clauseId());
                    if (n == null) continue;
                    n[0] += o.met();
                    n[1] += o.violated();
                    n[2] += o.open();
                    n[3] += o.atRisk();
                }
            }
            Map<String, Long> subjects = new LinkedHashMap<>();
            for (TargetResult r : e.targets()) subjects.merge(r.clauseId(), 1L, Long::sum);
            StringBuilder out = new StringBuilder();
            out.append("Coverage of ")
                    .append(a.id())
                    .append(" over ")
                    .append(period.label())
                    .append(" (")
                    .append(e.leadsSeen())
                    .append(" leads seen at ")
                    .append(e.asOf())
                    .append(")\n");
            List<String> never = new ArrayList<>();
            for (Clause c : a.clauses()) {
                long[] n = counts.get(c.id());
                long assessed = n[0] + n[1] + n[2] + n[3];
                out.append(String.format(
                        Locale.ROOT,
                        "  %-8s %-10s %,8d assessed: %,d met, %,d violated, %,d open, %,d at risk%n",
                        c.id(),
                        c.type(),
                        assessed,
                        n[0],
                        n[1],
                        n[2],
                        n[3]));
                if (assessed == 0) {
                    never.add(c.id() + " (" + c.type() + "): "
                            + (c instanceof Clause.Target
                                    ? (subjects.containsKey(c.id())
                                            ? "measured, but no subject has a bound"
                                            : "no subject measured")
                                    : c instanceof Clause.Rule
                                            ? "the hand-written rule reported on no lead"
                                            : "no lead in its scope"));
                }
            }
            out.append(never.isEmpty() ? "Every clause applied to the data.\n" : "Never applied:\n");
            for (String s : never) out.append("  ").append(s).append('\n');
            return out.toString();
        }
    }

    private static String nz(String s) {
        return s == null ? "none" : s;
    }
}
