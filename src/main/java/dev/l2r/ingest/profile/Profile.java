package dev.l2r.ingest.profile;

import dev.l2r.ingest.Rows;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mapping profile: how the files of one CRM export become canonical leads (docs/AGREEMENTS.md). One source
 * is the primary file (a row per lead); others join it by key (a row per lead, e.g. deals or a team
 * roster) or tell its history (many rows per lead, e.g. status changes, each giving stage timestamps).
 *
 * @param zone zone of times without an offset; null means the agreement's (check) or --timezone (import)
 * @param fields output field (a canonical column, or an extra field) to the expression that produces it
 * @param keepExtras keep the columns no field uses as extra fields (the default: nothing is dropped)
 * @param source the profile file, for messages
 */
public record Profile(
        String name,
        String title,
        String description,
        ZoneId zone,
        TimeFormats formats,
        NumberFormat numbers,
        Map<String, Source> sources,
        String primary,
        Map<String, Expr> fields,
        boolean keepExtras,
        String source) {

    public Profile {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Source primarySource() {
        return sources.get(primary);
    }

    /**
     * One kind of input file.
     *
     * @param match file-name globs that recognise it among the inputs
     * @param key its key column: the lead id for the primary source, the joined value for others
     * @param join for joined and history sources: the primary column whose value equals {@code key}
     * @param keySplit when a key cell holds several keys (e.g. "101;102"), the separator
     * @param looseKeys compare keys ignoring case, spaces and punctuation ("GTXPro" = "GTX Pro")
     * @param history non-null for a history source
     * @param reference a reference table (teams, products, accounts): rows no lead joins are fine and only
     *     counted; otherwise such rows are rejected, because a record (a deal) without its lead is data lost
     * @param format encoding and delimiter
     */
    public record Source(
            String alias,
            List<String> match,
            String key,
            String join,
            String keySplit,
            boolean looseKeys,
            History history,
            boolean reference,
            Rows.Format format,
            int line) {

        public boolean isHistory() {
            return history != null;
        }

        /**
         * A key of this source in the form it is compared in: as written, or with loose keys only its
         * letters and digits in lower case. Joined and history files both look keys up through this.
         */
        public String comparableKey(String key) {
            if (!looseKeys) return key;
            StringBuilder b = new StringBuilder();
            for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c)) b.append(c);
            return b.toString();
        }
    }

    /**
     * Stage times from a history file: for each lead, the earliest {@code when} of the rows whose
     * {@code value} column is one of a time's values (after the {@code where} filters).
     *
     * @param times name of a derived column to the values that set it, e.g. sal_at: [Qualified]
     */
    public record History(String when, String value, Map<String, String> where, Map<String, List<String>> times) {}

    /** Decimal and grouping separators of numbers in the export. */
    public record NumberFormat(char decimal, char grouping) {
        public static final NumberFormat DEFAULT = new NumberFormat('.', ',');

        /** The number in canonical form ("1.234,50" -> "1234.50" with decimal ','), or the text unchanged. */
        public String canonical(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == grouping || c == ' ' || c == '\u00a0') continue;
                b.append(c == decimal ? '.' : c);
            }
            return b.toString();
        }
    }
}
