package dev.l2r.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import dev.l2r.cli.MailOptions;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The {@code --mail-to}/{@code --smtp} options as a command uses them, from the command line to the server. */
class MailOptionsTest {

    /** A command like check or report: writes nothing itself, mails a folder's summary when asked. */
    @Command(name = "send")
    static final class SendCommand implements Callable<Integer> {
        @Mixin
        MailOptions mail;

        @Parameters(index = "0")
        Path folder;

        Map<String, String> env = Map.of();
        String said;

        @Override
        public Integer call() {
            Optional<Delivery> d = mail.delivery(env); // before the work, so bad settings stop it
            d.ifPresent(
                    delivery -> said = delivery.sendSummary(folder, "SLA inside-sales 2026-09: breached — 5 critical"));
            return 0;
        }
    }

    private static SendCommand parse(String... args) {
        SendCommand c = new SendCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    private static ParameterException refused(String... args) {
        return assertThrows(ParameterException.class, () -> parse(args));
    }

    @Test
    void theSummaryIsMailedFromTheCommandLine() throws Exception {
        try (TestSmtpServer server = new TestSmtpServer()) {
            SendCommand c = new SendCommand();
            CommandLine cli = new CommandLine(c);
            int code = cli.execute(
                    "--mail-to",
                    "cro@northwind.test,ops@partner.test",
                    "--smtp",
                    server.smtp().toString(),
                    "--mail-from",
                    "sla-bot@northwind.test",
                    MailDeliveryTest.EXAMPLE.toString());

            assertEquals(0, code);
            assertEquals(
                    "mailed summary.md and summary.html to cro@northwind.test, ops@partner.test via " + server.smtp(),
                    c.said);
            assertEquals(1, server.receivedBy("ops@partner.test").size());
            MailDeliveryTest.assertSummary(
                    server.receivedBy("cro@northwind.test").get(0),
                    "SLA inside-sales 2026-09: breached — 5 critical",
                    MailDeliveryTest.EXAMPLE,
                    InternetAddress.parse("cro@northwind.test, ops@partner.test"));
        }
    }

    @Test
    void withoutMailOptionsNothingIsSent() {
        assertEquals(Optional.empty(), parse("out").mail.delivery(Map.of()));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        Delivery d = parse("--mail-to", "cro@northwind.test", "--smtp", "smtp.example.com:587", "out")
                .mail
                .delivery(Map.of())
                .orElseThrow();

        assertEquals(MailOptions.DEFAULT_FROM, d.from());
        assertEquals(Security.STARTTLS, d.server().security());
        assertEquals(SmtpSettings.TIMEOUT, d.server().timeout());
        assertEquals(List.of("cro@northwind.test"), d.to());
    }

    @Test
    void recipientsMayBeCommaSeparatedOrRepeated() {
        Delivery d = parse("--mail-to", "a@x.test,b@y.test", "--smtp", "h:25", "--mail-to", "c@z.test", "out")
                .mail
                .delivery(Map.of())
                .orElseThrow();

        assertEquals(List.of("a@x.test", "b@y.test", "c@z.test"), d.to());
        assertEquals(Security.NONE, d.server().security());
    }

    @Test
    void securityCanBeGivenForAnyPort() {
        Delivery d = parse("--mail-to", "a@b.test", "--smtp", "smtp.example.com:2525", "--smtp-security", "SSL", "out")
                .mail
                .delivery(Map.of())
                .orElseThrow();

        assertEquals(Security.SSL, d.server().security());
    }

    @Test
    void smtpWithoutMailToIsAnArgumentError() {
        ParameterException e = refused("--smtp", "smtp.example.com:587", "out");

        assertInstanceOf(MissingParameterException.class, e);
        assertEquals("Error: Missing required argument(s): --mail-to=ADDR", e.getMessage());
    }

    @Test
    void mailToWithoutSmtpIsAnArgumentError() {
        ParameterException e = refused("--mail-to", "cro@northwind.test", "out");

        assertInstanceOf(MissingParameterException.class, e);
        assertEquals("Error: Missing required argument(s): --smtp=HOST:PORT", e.getMessage());
    }

    @Test
    void fromAloneIsAnArgumentError() {
        assertInstanceOf(MissingParameterException.class, refused("--mail-from", "sla-bot@northwind.test", "out"));
    }

    @Test
    void aBadRecipientAmongSeveralIsNamedWithTheOption() {
        ParameterException e = refused("--mail-to", "cro@northwind.test,bob@", "--smtp", "h:25", "out");

        InputError cause = assertInstanceOf(InputError.class, e.getCause());
        assertEquals(List.of("--mail-to: \"bob@\" is not an e-mail address"), cause.lines());
    }

    @Test
    void aBadSenderIsNamedWithTheOption() {
        ParameterException e = refused("--mail-to", "a@b.test", "--smtp", "h:25", "--mail-from", "l2r", "out");

        assertEquals(List.of("--mail-from: \"l2r\" is not an e-mail address"), ((InputError) e.getCause()).lines());
    }

    @Test
    void aBadPortIsRefusedWhileParsing() {
        ParameterException e = refused("--mail-to", "a@b.test", "--smtp", "h:99999", "out");

        assertEquals(List.of("\"h:99999\": the port must be between 1 and 65535"), ((InputError) e.getCause()).lines());
        assertEquals("--smtp", ((OptionSpec) e.getArgSpec()).longestName());
    }

    @Test
    void anUnknownSecurityModeIsRefusedWhileParsing() {
        ParameterException e = refused("--mail-to", "a@b.test", "--smtp", "h:25", "--smtp-security", "tls", "out");

        assertEquals(
                List.of("\"tls\" is not a security mode; use none, starttls or ssl"),
                ((InputError) e.getCause()).lines());
    }

    @Test
    void aUserWithoutPasswordStopsTheCommandBeforeItWorks() {
        SendCommand c = parse("--mail-to", "a@b.test", "--smtp", "h:25", "out");
        c.env = Map.of(SmtpSettings.USER, "sla-bot");

        InputError e = assertThrows(InputError.class, c::call);

        assertTrue(e.getMessage().startsWith("L2R_SMTP_USER is set but L2R_SMTP_PASSWORD is not"), e.getMessage());
        assertEquals(null, c.said);
    }
}
