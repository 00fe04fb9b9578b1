package dev.l2r.spec;

import dev.l2r.InputError;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one file, so that a user sees them all at once. */
final class Problems {

    private final SourceTree tree;
    private final List<String> lines = new ArrayList<>();

    Problems(SourceTree tree) { this.tree = tree; }

    void add(Loc at, String message) {
        lines.add(InputError.at(tree.file(), tree.line(at.pointer()), at.display(), message));
    }

    boolean isEmpty() { return lines.isEmpty(); }

    int size() { return lines.size(); }

    void throwIfAny() {
        if (!lines.isEmpty()) throw new InputError(lines);
    }
}
