package dev.l2r.mail;

import dev.l2r.InputError;
import java.util.Locale;

/** How the connection to the SMTP server is protected (docs/DELIVERY.md). */
public enum Security {
    /** Plain SMTP: nothing is encrypted, credentials included. */
    NONE,
    /** Plain connection upgraded with STARTTLS before anything else is sent; a server without it is refused. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, "implicit TLS"). */
    SSL;

    /** {@code none}, {@code starttls} or {@code ssl}. */
    public static Security of(String text) {
        for (Security s : values()) {
            if (s.label().equals(text.strip().toLowerCase(Locale.ROOT))) return s;
        }
        throw new InputError("\"" + text + "\" is not a security mode; use none, starttls or ssl");
    }

    /** The mode a port is used with by convention: 465 ssl, 587 starttls, any other none. */
    public static Security forPort(int port) {
        return switch (port) {
            case 465 -> SSL;
            case 587 -> STARTTLS;
            default -> NONE;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
