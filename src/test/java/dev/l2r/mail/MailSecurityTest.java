package dev.l2r.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMTP AUTH with credentials from the environment, and TLS, against a real server (GreenMail). */
class MailSecurityTest {

    static final Path EXAMPLE = MailDeliveryTest.EXAMPLE;
    static final String SUBJECT = "SLA inside-sales 2026-09";
    static final Map<String, String> LOGIN = Map.of(SmtpSettings.USER, "sla-bot", SmtpSettings.PASSWORD, "s3cret pass");

    TestSmtpServer server;

    @BeforeEach
    void start() {
        server = new TestSmtpServer().user("sla-bot@northwind.test", "sla-bot", "s3cret pass");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String send(Endpoint at, Security security, Map<String, String> env) {
        SmtpSettings s = TestSmtpServer.settings(at, security, env);
        return new Delivery(s, "sla-bot@northwind.test", List.of("cro@northwind.test")).sendSummary(EXAMPLE, SUBJECT);
    }

    private static void oneLine(InputError e, String expected) {
        assertEquals(1, e.lines().size(), e.getMessage());
        assertEquals(expected, e.lines().get(0));
        assertTrue(e.getStackTrace().length == 0, "an InputError carries no stack trace");
    }

    @Test
    void theLoginFromTheEnvironmentIsAccepted() throws Exception {
        send(server.smtp(), Security.NONE, LOGIN);

        assertEquals(1, server.received().length);
        MailDeliveryTest.assertSummary(
                server.received()[0], SUBJECT, EXAMPLE, new InternetAddress("cro@northwind.test"));
    }

    @Test
    void aWrongPasswordIsOneLineAndNothingIsSent() {
        Map<String, String> env = Map.of(SmtpSettings.USER, "sla-bot", SmtpSettings.PASSWORD, "wrong");

        InputError e = assertThrows(InputError.class, () -> send(server.smtp(), Security.NONE, env));

        assertTrue(
                e.lines()
                        .get(0)
                        .startsWith("mail: cannot send via " + server.smtp()
                                + ": the server refused the login of L2R_SMTP_USER"),
                e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), "the password is never shown");
        assertEquals(1, e.lines().size());
        assertEquals(0, server.received().length);
    }

    @Test
    void aUserWithoutPasswordIsRefusedBeforeConnecting() {
        InputError e = assertThrows(
                InputError.class, () -> SmtpSettings.of(server.smtp(), null, Map.of(SmtpSettings.USER, "sla-bot")));
        oneLine(e, "L2R_SMTP_USER is set but L2R_SMTP_PASSWORD is not; set both to log in, or neither");
    }

    @Test
    void aPasswordWithoutUserIsRefusedBeforeConnecting() {
        InputError e = assertThrows(
                InputError.class, () -> SmtpSettings.of(server.smtp(), null, Map.of(SmtpSettings.PASSWORD, "x")));
        oneLine(e, "L2R_SMTP_PASSWORD is set but L2R_SMTP_USER is not; set both to log in, or neither");
    }

    @Test
    void sslWithTheTestServersCertificateTrustedDelivers() throws Exception {
        send(server.smtps(), Security.SSL, Map.of(SmtpSettings.TRUST, TestSmtpServer.HOST));

        assertEquals(1, server.received().length);
        MailDeliveryTest.assertSummary(
                server.received()[0], SUBJECT, EXAMPLE, new InternetAddress("cro@northwind.test"));
    }

    @Test
    void sslWithLoginDelivers() throws Exception {
        Map<String, String> env = Map.of(
                SmtpSettings.USER,
                "sla-bot",
                SmtpSettings.PASSWORD,
                "s3cret pass",
                SmtpSettings.TRUST,
                TestSmtpServer.HOST);
        send(server.smtps(), Security.SSL, env);

        assertEquals(1, server.received().length);
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessTrusted() {
        InputError e = assertThrows(InputError.class, () -> send(server.smtps(), Security.SSL, Map.of()));

        assertEquals(1, e.lines().size(), e.getMessage());
        assertTrue(
                e.lines().get(0).startsWith("mail: cannot send via " + server.smtps() + ": TLS failed ("),
                e.getMessage());
        assertTrue(e.lines().get(0).endsWith("L2R_SMTP_TRUST=HOST"), e.getMessage());
        assertEquals(0, server.received().length);
    }

    @Test
    void starttlsIsRequiredNotHopedFor() {
        // GreenMail's SMTP offers no STARTTLS: asked for it, l2r refuses to send in the clear
        InputError e = assertThrows(InputError.class, () -> send(server.smtp(), Security.STARTTLS, LOGIN));

        assertEquals(1, e.lines().size(), e.getMessage());
        assertTrue(e.lines().get(0).startsWith("mail: cannot send via " + server.smtp() + ": "), e.getMessage());
        assertTrue(e.lines().get(0).contains("STARTTLS"), e.getMessage());
        assertEquals(0, server.received().length);
    }

    @Test
    void trustNamingAnotherHostIsRefused() {
        InputError e = assertThrows(
                InputError.class,
                () -> SmtpSettings.of(server.smtps(), Security.SSL, Map.of(SmtpSettings.TRUST, "smtp.example.com")));
        oneLine(
                e,
                "L2R_SMTP_TRUST names \"smtp.example.com\" but the server is 127.0.0.1; name the server's host, or unset it");
    }
}
