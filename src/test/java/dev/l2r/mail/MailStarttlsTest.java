package dev.l2r.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS against a real server that requires it before the login and the envelope (so a message that
 * arrives went over TLS), with the login from the environment; and a recipient the server refuses.
 */
class MailStarttlsTest {

    static final Path EXAMPLE = MailDeliveryTest.EXAMPLE;
    static final String SUBJECT = "SLA inside-sales 2026-09: breached — 5 critical";

    StarttlsSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StarttlsSmtpServer("sla-bot", "s3cret pass", Set.of("gone@northwind.test"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> env(String password, boolean trust) {
        return trust
                ? Map.of(
                        SmtpSettings.USER,
                        "sla-bot",
                        SmtpSettings.PASSWORD,
                        password,
                        SmtpSettings.TRUST,
                        TestSmtpServer.HOST)
                : Map.of(SmtpSettings.USER, "sla-bot", SmtpSettings.PASSWORD, password);
    }

    private String send(Map<String, String> env, List<String> to) {
        SmtpSettings s = TestSmtpServer.settings(server.endpoint(), Security.STARTTLS, env);
        return new Delivery(s, "sla-bot@northwind.test", to).sendSummary(EXAMPLE, SUBJECT);
    }

    @Test
    void theSummaryArrivesOverStarttlsWithTheLogin() throws Exception {
        send(env("s3cret pass", true), List.of("cro@northwind.test", "ops@partner.test"));

        assertEquals(2, server.arrived().size());
        for (StarttlsSmtpServer.Arrived a : server.arrived()) {
            assertEquals("sla-bot@northwind.test", a.from());
            MailDeliveryTest.assertSummary(
                    a.message(), SUBJECT, EXAMPLE, InternetAddress.parse("cro@northwind.test, ops@partner.test"));
        }
        assertEquals(
                List.of("cro@northwind.test", "ops@partner.test"),
                server.arrived().stream().map(StarttlsSmtpServer.Arrived::to).toList());
    }

    @Test
    void aWrongPasswordAfterStarttlsIsOneLine() {
        InputError e = assertThrows(InputError.class, () -> send(env("wrong", true), List.of("cro@northwind.test")));

        assertEquals(1, e.lines().size(), e.getMessage());
        assertTrue(
                e.lines()
                        .get(0)
                        .startsWith("mail: cannot send via " + server.endpoint()
                                + ": the server refused the login of L2R_SMTP_USER ("),
                e.getMessage());
        assertTrue(server.arrived().isEmpty());
    }

    @Test
    void anUntrustedCertificateStopsBeforeTheLogin() {
        InputError e =
                assertThrows(InputError.class, () -> send(env("s3cret pass", false), List.of("cro@northwind.test")));

        assertEquals(1, e.lines().size(), e.getMessage());
        assertTrue(
                e.lines().get(0).startsWith("mail: cannot send via " + server.endpoint() + ": TLS failed ("),
                e.getMessage());
        assertTrue(server.arrived().isEmpty());
    }

    @Test
    void aRefusedRecipientIsNamedAndNobodyGetsTheMessage() {
        InputError e = assertThrows(
                InputError.class,
                () -> send(env("s3cret pass", true), List.of("cro@northwind.test", "gone@northwind.test")));

        assertEquals(
                List.of(
                        "mail: cannot send via " + server.endpoint()
                                + ": the server refused gone@northwind.test (550 5.1.1 <gone@northwind.test>: mailbox unavailable)"),
                e.lines());
        assertTrue(server.arrived().isEmpty(), "all or none: " + server.arrived());
    }
}
