package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.Period;
import dev.l2r.model.Stage;
import dev.l2r.source.Loc;
import dev.l2r.source.Problems;
import dev.l2r.source.SourceTree;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed access to the fields of an agreement's tree, so that the section readers ask for text, a list, a
 * date, a zone or a stage and get the value or null, with the problem (file, line, path) already recorded.
 * All readers of one file share one instance: every problem lands in one list, in the order the file is read.
 */
final class Fields {

    private final SourceTree tree;
    private final Problems problems;

    Fields(SourceTree tree) {
        this.tree = tree;
        this.problems = new Problems(tree);
    }

    JsonNode root() {
        return tree.root();
    }

    /** The line of the node at {@code at} (or of its nearest ancestor that has one). */
    int line(Loc at) {
        return tree.line(at.pointer());
    }

    private static final Pattern PERCENT = Pattern.compile("\\s*([-+]?[0-9]{1,15}(?:\\.[0-9]{1,10})?)\\s*%\\s*");

    /**
     * What to say when a number field holds a percentage such as {@code 45%}: that shares are written as
     * decimals ({@code 0.45}); null when the text is no percentage.
     */
    static String percentHint(String text) {
        if (text == null) return null;
        var m = PERCENT.matcher(text);
        if (!m.matches()) return null;
        String share =
                new BigDecimal(m.group(1)).movePointLeft(2).stripTrailingZeros().toPlainString();
        return "write a share as a decimal (" + text.strip() + " is " + share + ")";
    }

    /** The problem of a number field given text: a hint for a percentage, else {@code otherwise}. */
    static String notANumber(JsonNode v, String otherwise) {
        String hint = v != null && v.isTextual() ? percentHint(v.asText()) : null;
        return hint == null ? otherwise : "\"" + v.asText() + "\" is not a number; " + hint;
    }

    void add(Loc at, String message) {
        problems.add(at, message);
    }

    void unknownKeys(JsonNode node, Loc at, List<String> allowed) {
        problems.unknownKeys(node, at, allowed);
    }

    /** How many problems were found so far. */
    int count() {
        return problems.count();
    }

    void throwIfAny() {
        problems.throwIfAny();
    }

    /** A text field, or null (a problem when it is required or not text). */
    String text(JsonNode node, Loc at, String key, boolean required) {
        return problems.text(node, at, key, required);
    }

    /** Text, or a number/boolean taken as its text (e.g. an unquoted version 2026.1). */
    String scalar(JsonNode node, Loc at, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) {
            add(at.field(key), "expected text, found " + Problems.kind(v));
            return null;
        }
        if (v.isNumber()) {
            String written = tree.numberText(at.field(key).pointer()); // 2026.10 as written, not 2026.1
            if (written != null) return written;
        }
        return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }

    /** A list of text (numbers and booleans taken as their text); empty when absent or wrong. */
    List<String> textList(JsonNode node, Loc parent, String key, boolean required) {
        JsonNode v = node.get(key);
        Loc at = parent.field(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (required) add(at, "required: a list");
            return out;
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            add(at, "expected a " + (required ? "non-empty " : "") + "list of text");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String written = item.isNumber() ? tree.numberText(at.index(i).pointer()) : null; // 2026.10, not 2026.1
            if (!item.isValueNode() || item.isNull()) add(at.index(i), "expected text");
            else out.add(written != null ? written : item.asText());
        }
        return out;
    }

    /** A date YYYY-MM-DD within the years l2r handles, or null. */
    LocalDate date(JsonNode v, Loc at) {
        if (v == null || v.isNull()) return null;
        if (v.isContainerNode()) {
            add(at, "expected a date such as 2026-01-01, found " + Problems.kind(v));
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(v.asText());
        } catch (DateTimeException e) {
            add(at, "\"" + v.asText() + "\" is not a date; use YYYY-MM-DD");
            return null;
        }
        if (!Period.validYear(d.getYear())) {
            add(
                    at,
                    "\"" + v.asText() + "\" is outside the years " + AgreementLimits.MIN_YEAR + " to "
                            + AgreementLimits.MAX_YEAR);
            return null;
        }
        return d;
    }

    /** A list of holiday dates (the calendar's or a team's); the good ones when some are wrong. */
    List<LocalDate> holidays(JsonNode node, Loc parent, String key) {
        JsonNode hol = node.get(key);
        Loc at = parent.field(key);
        List<LocalDate> out = new ArrayList<>();
        if (hol == null || hol.isNull()) return out;
        if (!hol.isArray()) {
            add(at, "expected a list of dates such as [2026-11-26, 2026-12-25]");
            return out;
        }
        if (hol.size() > AgreementLimits.MAX_HOLIDAYS) {
            add(
                    at,
                    AgreementLimits.n(hol.size()) + " dates; a holidays list has at most "
                            + AgreementLimits.n(AgreementLimits.MAX_HOLIDAYS));
            return out;
        }
        for (int i = 0; i < hol.size(); i++) {
            LocalDate d = date(hol.get(i), at.index(i));
            if (d != null) out.add(d);
        }
        return out;
    }

    /** An IANA region zone (or UTC), or null. */
    ZoneId zone(JsonNode node, Loc at, String key, boolean required) {
        String z = text(node, at, key, required);
        if (z == null) return null;
        try {
            if (!z.contains("/") && !z.equals("UTC")) throw new DateTimeException("not a region");
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            add(
                    at.field(key),
                    "\"" + z
                            + "\" is not an IANA time zone; use a name such as America/New_York, Europe/London or UTC");
            return null;
        }
    }

    /** A required stage field, or null. */
    Stage stage(JsonNode node, Loc at, String key) {
        String s = text(node, at, key, true);
        return s == null ? null : stage(s, at.field(key));
    }

    /** A stage named by text found at {@code at}, or null. */
    Stage stage(String s, Loc at) {
        Stage st = Stage.of(s).orElse(null);
        if (st == null) add(at, "unknown stage \"" + s + "\"; use one of: " + Stage.valid());
        return st;
    }
}
