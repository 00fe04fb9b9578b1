package dev.l2r.mail;

import dev.l2r.InputError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An SMTP server's host and port, as {@code --smtp HOST:PORT} gives them ({@code [::1]:25} for IPv6). */
public record Endpoint(String host, int port) {

    private static final Pattern FORM = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9._-]+)):([0-9]{1,5})");

    public Endpoint {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("no host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port);
    }

    /** Reads {@code HOST:PORT}; anything else is an {@link InputError} saying what would be valid. */
    public static Endpoint parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new InputError("\"" + text + "\" is not HOST:PORT (for example smtp.example.com:587)");
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new InputError("\"" + text + "\": the port must be between 1 and 65535");
        }
        return new Endpoint(m.group(1) != null ? m.group(1) : m.group(2), port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
