package dev.l2r.cli;

import dev.l2r.mail.Addresses;
import dev.l2r.mail.Delivery;
import dev.l2r.mail.Endpoint;
import dev.l2r.mail.Security;
import dev.l2r.mail.SmtpSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --mail-to ADDR[,ADDR...] --smtp HOST:PORT [--mail-from ADDR] [--smtp-security MODE]}: e-mail the summary
 * once the outputs are written (docs/DELIVERY.md). A picocli mixin; the options form one group, so that
 * {@code --smtp} without {@code --mail-to}, or the reverse, is an argument error (exit 2). Credentials come
 * from the environment ({@link SmtpSettings#USER}, {@link SmtpSettings#PASSWORD}), never from options.
 */
public final class MailOptions {

    /** The sender when {@code --mail-from} is not given. */
    public static final String DEFAULT_FROM = "l2r@localhost";

    @ArgGroup(exclusive = false, heading = "%nE-mail the summary (docs/DELIVERY.md):%n")
    Group group;

    static final class Group {
        @Option(
                names = "--mail-to",
                required = true,
                split = ",",
                paramLabel = "ADDR",
                converter = AddressConverter.class,
                description = "Send summary.html and summary.md as one e-mail to these addresses (comma-separated).")
        List<String> to;

        @Option(
                names = "--smtp",
                required = true,
                paramLabel = "HOST:PORT",
                converter = EndpointConverter.class,
                description = {
                    "SMTP server to send through. Login from L2R_SMTP_USER and L2R_SMTP_PASSWORD when both are set."
                })
        Endpoint smtp;

        @Option(
                names = "--mail-from",
                paramLabel = "ADDR",
                converter = FromConverter.class,
                description = "Sender address (default: " + DEFAULT_FROM + ").")
        String from;

        @Option(
                names = "--smtp-security",
                paramLabel = "MODE",
                converter = SecurityConverter.class,
                description = "none, starttls or ssl (default: ssl on port 465, starttls on 587, none on any other).")
        Security security;
    }

    /**
     * The delivery asked for, or empty when no mail option was given. Call it before the run, so that bad
     * settings stop it with exit 2 (an {@link dev.l2r.InputError}), and send after the outputs are written:
     * {@code delivery.sendSummary(outFolder, subject)}.
     *
     * @param env the environment, System.getenv() in production
     */
    public Optional<Delivery> delivery(Map<String, String> env) {
        if (group == null) return Optional.empty();
        SmtpSettings server = SmtpSettings.of(group.smtp, group.security, env);
        return Optional.of(new Delivery(server, group.from == null ? DEFAULT_FROM : group.from, group.to));
    }

    /** One recipient of {@code --mail-to}. */
    static final class AddressConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            Addresses.parse("--mail-to", value);
            return value.strip();
        }
    }

    /** The address of {@code --mail-from}. */
    static final class FromConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            Addresses.parse("--mail-from", value);
            return value.strip();
        }
    }

    /** {@code HOST:PORT}. */
    static final class EndpointConverter implements ITypeConverter<Endpoint> {
        @Override
        public Endpoint convert(String value) {
            return Endpoint.parse(value);
        }
    }

    /** {@code none}, {@code starttls} or {@code ssl}. */
    static final class SecurityConverter implements ITypeConverter<Security> {
        @Override
        public Security convert(String value) {
            return Security.of(value);
        }
    }
}
