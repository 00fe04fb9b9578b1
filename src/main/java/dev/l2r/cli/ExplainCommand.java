package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.app.Explain;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r explain}: a clause in plain words, one lead against the agreement, or the clauses' coverage. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Explain a clause (--clause ID), one lead against every clause (--data, --period, --lead ID),",
            "or which clauses the data ever reached (--data, --period, --coverage). Exit 2: bad input."
        })
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    Options.Agreement agreement;

    @Option(names = "--clause", paramLabel = "ID", description = "The clause to put in plain words, with its rules.")
    String clause;

    @Option(
            names = "--data",
            paramLabel = "PATH",
            arity = "1..*",
            converter = Options.PathConverter.class,
            description = "Folder with leads.csv|json|ndjson and optional metrics.csv, or one leads file.")
    List<Path> data;

    @Option(names = "--lead", paramLabel = "ID", description = "The lead to explain (its lead_id).")
    String lead;

    @Option(names = "--coverage", description = "Per clause, items assessed; clauses that never applied.")
    boolean coverage;

    @Option(
            names = "--period",
            paramLabel = "LABEL",
            description = "Period, as for l2r check: 2026-10, 2026-Q4, 2026-W44.")
    String period;

    @Option(
            names = "--as-of",
            paramLabel = "TIME",
            description = "As of this time (ISO-8601). Default: the end of the period.")
    String asOf;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description =
                    "Read a CRM export through a mapping profile (l2r profiles lists them), or a profile .yaml file.")
    String profile;

    @Mixin
    Options.Rules rules;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() {
        int modes = (clause != null ? 1 : 0) + (lead != null ? 1 : 0) + (coverage ? 1 : 0);
        if (modes != 1) throw new InputError("explain: give exactly one of --clause ID, --lead ID or --coverage");
        if (clause != null) {
            // these options say which data to read: a clause is explained without data, so they would be ignored
            String unused = data != null
                    ? "--data"
                    : period != null ? "--period" : asOf != null ? "--as-of" : profile != null ? "--profile" : null;
            if (unused != null) {
                throw new InputError(unused + ": not used with --clause, which explains a clause without data;"
                        + " leave it out, or use --lead ID or --coverage to look at data");
            }
            System.out.print(Explain.clause(agreement.sla, clause, rules.rules));
            return 0;
        }
        if (data == null) throw new InputError("--data: required with " + (coverage ? "--coverage" : "--lead"));
        if (period == null) throw new InputError("--period: required with " + (coverage ? "--coverage" : "--lead"));
        Explain.Session s =
                new Explain.Session(new Explain.Request(agreement.sla, data, profile, period, asOf, rules.rules));
        String text = coverage ? s.coverage() : s.lead(lead).text(); // a lead it cannot explain is exit 2 alone
        InputReport.printRejected(s.dataset()); // no row is left out without a word, as in l2r check
        System.out.print(text);
        return 0;
    }
}
