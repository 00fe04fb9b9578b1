package dev.l2r.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP and SMTPS server (GreenMail) on free loopback ports, started and stopped by a test. Its SMTPS
 * certificate is GreenMail's self-signed one.
 */
final class TestSmtpServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    TestSmtpServer() {
        greenMail =
                new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS}));
        greenMail.start();
    }

    /** A mailbox that logs in with this password. */
    TestSmtpServer user(String email, String login, String password) {
        greenMail.setUser(email, login, password);
        return this;
    }

    Endpoint smtp() {
        return new Endpoint(HOST, greenMail.getSmtp().getPort());
    }

    Endpoint smtps() {
        return new Endpoint(HOST, greenMail.getSmtps().getPort());
    }

    /** Settings for this server with the environment given, and a short timeout so a failing test ends soon. */
    static SmtpSettings settings(Endpoint server, Security security, Map<String, String> env) {
        return SmtpSettings.of(server, security, env).withTimeout(Duration.ofSeconds(10));
    }

    MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    /** What the mailbox of this address received. */
    List<MimeMessage> receivedBy(String email) {
        return greenMail
                .findReceivedMessages(u -> u.getEmail().equals(email), m -> true)
                .toList();
    }

    /** A loopback port that nothing listens on (it was free a moment ago). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
