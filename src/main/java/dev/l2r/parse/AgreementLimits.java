package dev.l2r.parse;

import dev.l2r.model.Period;
import dev.l2r.source.SourceTree;
import java.util.Locale;

/**
 * Every size limit of an agreement, in one place (README "Limits"). Each is checked while the file is read
 * or validated, with a message naming the file, line and field, so that no valid-looking agreement can
 * make compiling or checking fail later.
 */
public final class AgreementLimits {

    private AgreementLimits() {}

    /** Bytes of an agreement (or profile) file; reading stops here. */
    public static final int MAX_FILE_BYTES = SourceTree.MAX_FILE_BYTES;

    /** Clauses of an agreement: each compiles to up to five rules. */
    public static final int MAX_CLAUSES = 1_000;

    /** Teams of an agreement. */
    public static final int MAX_TEAMS = 1_000;

    /** Entries of a per-team or per-owner min/max map (each is two rules and a value of an inline list). */
    public static final int MAX_BOUND_ENTRIES = 1_000;

    /** Conditions in one where/require list (they are joined into one expression). */
    public static final int MAX_CONDITIONS = 100;

    /** Values of one in/not-in list, and reasons of a rejection clause (long lists compile to a set fact). */
    public static final int MAX_LIST_VALUES = 100_000;

    /** Dates of one holidays list (calendar or team). */
    public static final int MAX_HOLIDAYS = 10_000;

    /** Years of dates and period labels: effective_from, holidays, --period. */
    public static final int MIN_YEAR = Period.MIN_YEAR;

    public static final int MAX_YEAR = Period.MAX_YEAR;

    /** "1,000" */
    public static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
