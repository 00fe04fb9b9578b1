package dev.l2r;

/** The tool version, written into generated DRL and run.json. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {}
}
