package dev.l2r.source;

/** Checks on free text taken from an agreement. */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** The first control character in s, described (e.g. "U+0000"), or null when there is none. */
    public static String controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) return String.format("U+%04X", (int) c);
        }
        return null;
    }
}
