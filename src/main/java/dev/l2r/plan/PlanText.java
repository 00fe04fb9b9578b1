package dev.l2r.plan;

import dev.l2r.evaluate.HumanFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan for people: a table of stage, needed, where it came from, the agreement's target and the gap. */
public final class PlanText {

    private PlanText() {}

    public static String render(Plan p) {
        StringBuilder b = new StringBuilder();
        b.append("Plan for revenue ")
                .append(amount(p.revenue()))
                .append(" in ")
                .append(p.period())
                .append(", worked backwards from agreement ")
                .append(p.agreement())
                .append(" (")
                .append(p.file())
                .append(")\n");
        b.append("Each stage is rounded up to whole leads (deals) before the next division.\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Stage", "Needed", "From", "Agreement's target", "Gap"});
        for (Plan.Step s : p.steps()) {
            rows.add(new String[] {
                s.stage(),
                s.needed() == null ? "-" : amount(s.needed()),
                s.rate() == null ? (s.stage().equals("revenue") ? "goal" : "-") : source(s.rate()),
                s.target() == null ? "-" : target(s.target()),
                s.gap() == null ? "-" : s.gap().signum() == 0 ? "none" : amount(s.gap())
            });
        }
        int[] w = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) w[i] = Math.max(w[i], r[i].length());
        }
        for (String[] r : rows) {
            String line = pad(r[0], w[0], false) + "  " + pad(r[1], w[1], true) + "  " + pad(r[2], w[2], false) + "  "
                    + pad(r[3], w[3], false) + "  " + pad(r[4], w[4], true);
            b.append(line.stripTrailing()).append('\n');
        }
        if (p.stop() != null) {
            b.append("\nThe plan stops at ")
                    .append(p.steps().get(p.steps().size() - 1).stage())
                    .append(": ")
                    .append(p.stop())
                    .append(".\n");
        }
        b.append('\n');
        boolean compared = p.steps().stream().anyMatch(s -> s.gap() != null);
        if (!compared) {
            b.append("The agreement has no volume target (count, revenue) to compare with the plan.\n");
        } else if (p.shortfalls().isEmpty()) {
            b.append("The agreement's volume targets cover the plan.\n");
        } else {
            b.append("Short of the plan:\n");
            for (String s : p.shortfalls()) b.append("- ").append(s).append('\n');
        }
        if (!p.notes().isEmpty()) {
            b.append("Notes:\n");
            for (String s : p.notes()) b.append("- ").append(s).append('\n');
        }
        Plan.Spend sp = p.spend();
        if (sp == null) {
            b.append("Spend: ").append(p.spendHelp()).append('\n');
        } else {
            b.append("Spend: ")
                    .append(amount(sp.mqls()))
                    .append(" MQLs cost ")
                    .append(money(sp.spend()))
                    .append(" at ")
                    .append(p.period())
                    .append("'s ")
                    .append(money(sp.costPerMql()))
                    .append(" per MQL over all channels\n");
            int cw = sp.channels().stream()
                    .mapToInt(c -> c.name().length())
                    .max()
                    .orElse(0);
            for (Plan.Channel c : sp.channels()) {
                b.append("  ")
                        .append(pad(c.name(), cw, false))
                        .append("  ")
                        .append(money(c.costPerMql()))
                        .append(" per MQL (spend ")
                        .append(money(c.spend()))
                        .append(", ")
                        .append(amount(c.mqls()))
                        .append(" MQLs)\n");
            }
            if (sp.cheapest() != null) {
                b.append("  with every MQL from ")
                        .append(sp.cheapest())
                        .append(", the cheapest channel: ")
                        .append(money(sp.spendAtCheapest()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String source(Plan.Source s) {
        return s.metric() + " " + rate(s.metric(), s.value()) + " (" + s.clause() + ")";
    }

    private static String target(Plan.Source s) {
        return s.metric() + " min " + (s.value() == null ? "per team" : amount(s.value())) + " (" + s.clause() + ")";
    }

    /** A rate as a percentage ({@code 25%}), an average selling price as an amount. */
    static String rate(String metric, BigDecimal v) {
        return metric.equals("average_selling_price") ? amount(v) : HumanFormat.percent(v.doubleValue());
    }

    /** A whole number with thousands separators ({@code 2,000,000}), else two decimals, as {@link HumanFormat}. */
    static String amount(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 0 ? String.format(Locale.ROOT, "%,d", s.toBigIntegerExact()) : money(v);
    }

    /** Two decimals with thousands separators: a plan keeps the cents it computed. */
    static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }
}
