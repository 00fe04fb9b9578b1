package dev.l2r.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.InputError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Collects every problem of one file, so that a user sees them all at once, in the order of the file's lines
 * (problems of one line in the order they were found; those of no line first).
 */
public final class Problems {

    private final SourceTree tree;
    private final List<Problem> problems = new ArrayList<>();

    private record Problem(int line, String text) {}

    public Problems(SourceTree tree) {
        this.tree = tree;
    }

    public void add(Loc at, String message) {
        int line = tree.line(at.pointer());
        problems.add(new Problem(line, InputError.at(tree.file(), line, at.display(), message)));
    }

    /** A text field of a mapping, or null (a problem when it is required or not text). */
    public String text(JsonNode node, Loc at, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) add(at.field(key), "required");
            return null;
        }
        if (!v.isTextual()) {
            add(at.field(key), "expected text, found " + kind(v));
            return null;
        }
        return v.asText();
    }

    /** A problem for each key of the mapping that is not allowed here. */
    public void unknownKeys(JsonNode node, Loc at, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) add(at.field(k), "unknown field; valid here: " + String.join(", ", allowed));
        }
    }

    public static String kind(JsonNode v) {
        if (v.isObject()) return "a mapping";
        if (v.isArray()) return "a list";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "true/false";
        return "a value";
    }

    /** How many problems were found so far. */
    public int count() {
        return problems.size();
    }

    public void throwIfAny() {
        if (problems.isEmpty()) return;
        // List.sort is stable: problems of one line keep the order in which they were found
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line));
        throw new InputError(sorted.stream().map(Problem::text).toList());
    }
}
