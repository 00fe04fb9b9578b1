package dev.l2r.ingest.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one primary row joins: a row of each joined file and the stage times of each history file, found by
 * the row's join columns. Nothing is claimed while the lead is being built. Only an accepted lead takes its
 * records, so that a rejected lead leaves a deal to a later lead with the same key; a rejected lead leaves
 * its file and line on them instead, for the reason they are rejected if no other lead joins them.
 */
final class RowJoins {

    private final Map<String, JoinedTable.Row> rows = new HashMap<>();
    private final Map<String, Map<String, Long>> times = new HashMap<>();
    private final Map<HistoryTable, String> historyKeys = new HashMap<>();
    /** Tables where the row pointed at a record an earlier lead took: a record counts for one lead only. */
    private final List<JoinedTable> pointedAtTaken = new ArrayList<>();

    /** Looks the row up in every table; {@code cell} gives the text of one of its columns (null when blank). */
    RowJoins(Collection<JoinedTable> tables, Collection<HistoryTable> histories, Function<String, String> cell) {
        for (JoinedTable t : tables) {
            String k = cell.apply(t.source().join());
            JoinedTable.Row r = k == null ? null : t.lookup(k);
            if (r == null) continue;
            if (r.taken() && !t.source().reference()) {
                pointedAtTaken.add(t);
                continue;
            }
            rows.put(t.source().alias(), r);
        }
        for (HistoryTable h : histories) {
            String k = cell.apply(h.source().join());
            Map<String, Long> found = k == null ? null : h.lookup(k);
            if (found != null) {
                times.put(h.source().alias(), found);
                historyKeys.put(h, k);
            }
        }
    }

    /** The joined row of a joined file, or null. */
    JoinedTable.Row row(String alias) {
        return rows.get(alias);
    }

    /** The stage times (derived column to earliest time) of a history file, or null. */
    Map<String, Long> times(String alias) {
        return times.get(alias);
    }

    /** The lead is accepted: it takes its records and times. */
    void accepted() {
        rows.values().forEach(JoinedTable.Row::take);
        historyKeys.forEach(HistoryTable::match);
        pointedAtTaken.forEach(JoinedTable::pointedAtTaken);
    }

    /** The lead at {@code at} (file and line) is rejected: its records remember it. */
    void rejected(String at) {
        rows.values().forEach(r -> r.wouldHaveJoined(at));
        historyKeys.forEach((h, k) -> h.rejectedLead(k, at));
    }
}
