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
}
