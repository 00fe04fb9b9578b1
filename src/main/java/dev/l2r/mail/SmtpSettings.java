package dev.l2r.mail;

import dev.l2r.InputError;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How to reach one SMTP server. Credentials and the test-only trust come from the environment, never from
 * options, so that they stay out of shell history and process lists; nothing here prints the password.
 *
 * @param user the SMTP AUTH login, or null to send without authenticating
 * @param password the login's password, null exactly when user is
 * @param trustedHost a host whose certificate is accepted whatever it is and whoever signed it (L2R_SMTP_TRUST,
 *     for test servers with a self-signed certificate), or null to check certificates as the JVM does
 * @param timeout for connecting, and for each read and write on the connection
 */
public record SmtpSettings(
        Endpoint server, Security security, String user, String password, String trustedHost, Duration timeout) {

    /** The SMTP AUTH login. */
    public static final String USER = "L2R_SMTP_USER";

    /** The SMTP AUTH password. */
    public static final String PASSWORD = "L2R_SMTP_PASSWORD";

    /** A host to trust whatever certificate it presents; weakens TLS, for test servers only. */
    public static final String TRUST = "L2R_SMTP_TRUST";

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    public SmtpSettings {
        if ((user == null) != (password == null)) throw new IllegalArgumentException("user without password");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout " + timeout);
    }

    /**
     * Settings for a server, with credentials and trust read from {@code env} (System.getenv() in production,
     * a map in tests). A null security means the port's convention ({@link Security#forPort}).
     */
    public static SmtpSettings of(Endpoint server, Security security, Map<String, String> env) {
        String user = value(env, USER);
        String password = env.get(PASSWORD) == null || env.get(PASSWORD).isEmpty() ? null : env.get(PASSWORD);
        if (user != null && password == null) {
            throw new InputError(USER + " is set but " + PASSWORD + " is not; set both to log in, or neither");
        }
        if (user == null && password != null) {
            throw new InputError(PASSWORD + " is set but " + USER + " is not; set both to log in, or neither");
        }
        String trust = value(env, TRUST);
        if (trust != null && !trust.equalsIgnoreCase(server.host())) {
            throw new InputError(TRUST + " names \"" + trust + "\" but the server is " + server.host()
                    + "; name the server's host, or unset it");
        }
        return new SmtpSettings(
                server, security == null ? Security.forPort(server.port()) : security, user, password, trust, TIMEOUT);
    }

    public SmtpSettings withTimeout(Duration t) {
        return new SmtpSettings(server, security, user, password, trustedHost, t);
    }

    /** The Jakarta Mail session properties (protocol smtp; ssl means TLS from the first byte on it). */
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", server.host());
        p.setProperty("mail.smtp.port", Integer.toString(server.port()));
        String ms = Long.toString(timeout.toMillis());
        p.setProperty("mail.smtp.connectiontimeout", ms);
        p.setProperty("mail.smtp.timeout", ms);
        p.setProperty("mail.smtp.writetimeout", ms);
        p.setProperty("mail.smtp.auth", Boolean.toString(user != null));
        if (security == Security.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            // never fall back to sending in the clear when the server does not offer STARTTLS
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (security == Security.SSL) p.setProperty("mail.smtp.ssl.enable", "true");
        if (security != Security.NONE) {
            if (trustedHost != null) {
                p.setProperty("mail.smtp.ssl.trust", trustedHost);
                // a trusted test server's self-signed certificate seldom names the host
                p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
            } else {
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return p;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
        return server + " (" + security.label() + (user == null ? "" : ", as " + user)
                + (trustedHost == null ? "" : ", trusting " + trustedHost) + ")";
    }
}
