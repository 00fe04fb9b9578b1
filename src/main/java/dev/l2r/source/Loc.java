package dev.l2r.source;

/** A location in a document, as a JSON pointer (for line look-up) and as a readable path. */
public record Loc(String pointer, String display) {

    public static final Loc ROOT = new Loc("", "");

    public Loc field(String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return new Loc(pointer + "/" + escaped, display.isEmpty() ? name : display + "." + name);
    }

    public Loc index(int i) {
        return new Loc(pointer + "/" + i, display + "[" + i + "]");
    }

    /**
     * The same node, shown with the name a reader knows it by after its index: {@code clauses[2] (S3)}. The
     * pointer (and so the line) stays the same; the index stays in the path, as editors and the schema use it.
     */
    public Loc named(String name) {
        return new Loc(pointer, display + " (" + name + ")");
    }
}
