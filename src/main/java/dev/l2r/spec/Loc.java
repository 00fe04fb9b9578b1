package dev.l2r.spec;

/** A location in a document, as a JSON pointer (for line look-up) and as a readable path. */
record Loc(String pointer, String display) {

    static final Loc ROOT = new Loc("", "");

    Loc field(String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return new Loc(pointer + "/" + escaped, display.isEmpty() ? name : display + "." + name);
    }

    Loc index(int i) {
        return new Loc(pointer + "/" + i, display + "[" + i + "]");
    }
}
