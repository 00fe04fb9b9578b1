package dev.l2r.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Lead-to-Revenue plan of one agreement for one period: the stages from the revenue goal back to the
 * first stage the agreement's targets reach, each with the volume needed, and where the agreement's own
 * volume targets fall short of it.
 *
 * @param file the agreement file, as given
 * @param steps revenue first, then won, sqo, sal, mql, inquiry as far as the chain reaches (and visitors
 *     when the agreement has a {@code metric(visitors)} target)
 * @param stop why the chain ends where it does, or null when it reaches inquiry
 * @param notes how per-team and segment targets were read, in the order of the steps
 * @param shortfalls one sentence per volume target below the plan ("count(mql) min 450 < 500 needed")
 * @param spend what the MQL volume costs, or null when metrics.csv gives no cost
 * @param spendHelp why there is no spend and how to give it, or null when there is one
 */
public record Plan(
        String agreement,
        String file,
        String period,
        BigDecimal revenue,
        List<Step> steps,
        String stop,
        List<String> notes,
        List<String> shortfalls,
        Spend spend,
        String spendHelp) {

    public Plan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        shortfalls = List.copyOf(shortfalls);
    }

    /**
     * One stage of the plan.
     *
     * @param needed whole leads (deals) needed, rounded up; the revenue goal on the revenue step; null when the
     *     plan cannot say (visitors)
     * @param rate what divided the next stage's volume to give this one; null on the revenue step
     * @param target the agreement's volume target for this stage, or null
     * @param gap how far the target falls short of {@code needed} (0 when it covers it), or null when there
     *     is nothing to compare
     */
    public record Step(String stage, BigDecimal needed, Source rate, Source target, BigDecimal gap) {}

    /**
     * A value taken from a target clause of the agreement.
     *
     * @param metric the metric as the agreement writes it
     * @param value the min the plan uses (for a per-team map: the lowest rate, or the sum of the volumes)
     * @param clause the clause id
     * @param line the clause's line in the file
     */
    public record Source(String metric, BigDecimal value, String clause, int line) {}

    /**
     * The spend the needed MQLs imply at the period's cost per MQL of each channel (metrics.csv rows
     * {@code spend:CHANNEL} and {@code mqls:CHANNEL}).
     *
     * @param costPerMql the blended cost: all channels' spend / all channels' MQLs
     * @param spend needed MQLs × blended cost, to the cent
     * @param cheapest the channel with the lowest cost per MQL, null with one channel
     * @param spendAtCheapest needed MQLs × the cheapest cost, null with one channel
     */
    public record Spend(
            BigDecimal mqls,
            List<Channel> channels,
            BigDecimal costPerMql,
            BigDecimal spend,
            String cheapest,
            BigDecimal spendAtCheapest) {
        public Spend {
            channels = List.copyOf(channels);
        }
    }

    /** One channel's period: spend, MQLs, and spend / MQLs to the cent. */
    public record Channel(String name, BigDecimal spend, BigDecimal mqls, BigDecimal costPerMql) {}
}
