package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.Numbers;
import dev.l2r.ingest.DataLoader;
import dev.l2r.ingest.Inputs;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.parse.AgreementParser;
import dev.l2r.plan.Plan;
import dev.l2r.plan.PlanJson;
import dev.l2r.plan.PlanText;
import dev.l2r.plan.Planner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r plan}: the leads each stage needs for a revenue goal, from the agreement's own targets. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Work backwards from a revenue goal to the wins, opportunities, SALs, MQLs and inquiries it needs, at the"
                    + " agreement's own rates, and show where its volume targets fall short.",
            "Exit 0: a plan was printed; 2: bad arguments, or an agreement without an average_selling_price min."
        })
final class PlanCommand implements Callable<Integer> {

    @Mixin
    Options.Agreement agreement;

    @Option(
            names = "--revenue",
            required = true,
            paramLabel = "AMOUNT",
            converter = AmountConverter.class,
            description = "Revenue goal of the period, a number above 0 in the currency of the amounts: 2000000.")
    BigDecimal revenue;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "LABEL",
            description = "The period planned: 2026-10 (month), 2026-Q4 (quarter) or 2026-W44 (ISO week).")
    String period;

    @Option(
            names = "--data",
            paramLabel = "PATH",
            converter = Options.PathConverter.class,
            description = "A metrics.csv, or a folder holding one, with spend:CHANNEL and mqls:CHANNEL rows"
                    + " of the period: the spend the MQLs imply.")
    Path data;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() {
        Agreement a = AgreementParser.load(agreement.sla);
        Period p = a.period(period);
        MetricsTable metrics = null;
        String metricsName = null;
        if (data != null) {
            Path file = Files.isDirectory(data) ? data.resolve(Inputs.METRICS) : data;
            if (Files.isRegularFile(file)) {
                List<RejectedRow> rejected = new ArrayList<>();
                metrics = DataLoader.readMetrics(file, p.label(), rejected);
                metricsName = file.toString();
                for (RejectedRow r : rejected) {
                    System.err.println(InputError.at(r.file(), r.line(), r.field(), r.reason() + " (row left out)"));
                }
            } else if (Files.isDirectory(data)) {
                metrics = MetricsTable.empty();
                metricsName = data + " (no " + Inputs.METRICS + ")";
            } else {
                throw new InputError("--data: " + data + ": no such file or folder");
            }
        }
        Plan plan = Planner.plan(a, agreement.sla.toString(), p, revenue, metrics, metricsName);
        System.out.print(json ? PlanJson.render(plan) : PlanText.render(plan));
        return 0;
    }

    /** A plain decimal above 0: {@code 2000000} or {@code 1250000.50}; not {@code 2M}, {@code 2,000,000} or {@code -5}. */
    static final class AmountConverter implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            String v = value.strip();
            Double d = Numbers.parse(v);
            if (d == null) {
                throw new InputError("\"" + value + "\" is not an amount; give a plain number such as 2000000");
            }
            BigDecimal b = new BigDecimal(v);
            if (b.signum() <= 0) throw new InputError("\"" + value + "\" is not above 0; give the revenue goal");
            if (!Numbers.inRange(b)) {
                throw new InputError("\"" + value + "\" is out of range; give at most 12 decimals, below 10^15");
            }
            return b;
        }
    }
}
