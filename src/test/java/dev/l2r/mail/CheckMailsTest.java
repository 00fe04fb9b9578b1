package dev.l2r.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --mail-to} and {@code report --mail-to} end to end, through a real SMTP server (GreenMail). */
class CheckMailsTest {

    static final String SLA = """
            sla: mailed
            period: month
            timezone: America/New_York
            teams:
              sales: { owner: "VP Sales" }
            clauses:
              - { id: T1, type: target, metric: count(mql), min: 2, owner: sales, severity: critical }
            """;

    TestSmtpServer server;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        server = new TestSmtpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void checkMailsTheLastPeriodsSummaryWithTheVerdictInTheSubject() throws Exception {
        Workspace w =
                new Workspace(tmp).sla(SLA).leads("A,2026-08-05T10:00,,,,sales,,,,,,,,2026-08-05T10:00,,,,,,,,,,");
        Cli r = w.check(
                "2026-07..2026-08",
                "--fail-on",
                "none",
                "--mail-to",
                "cro@northwind.test",
                "--smtp",
                server.smtp().toString(),
                "--mail-from",
                "sla@northwind.test");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out().contains("mailed summary.md and summary.html to cro@northwind.test via " + server.smtp()),
                r.out());
        MimeMessage[] got = server.received();
        assertEquals(1, got.length, "one message: the summary of the last period");
        // August: 1 MQL against at least 2, a critical target missed
        assertEquals("SLA mailed 2026-08: breached, 1 critical violation", got[0].getSubject());
        Multipart parts = (Multipart) got[0].getContent();
        assertEquals(
                Files.readString(w.out().resolve("2026-08/summary.md")),
                String.valueOf(parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));

        Cli report = Cli.run(
                "report",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--from",
                "2026-07",
                "--to",
                "2026-08",
                "--history",
                tmp.resolve("history.sqlite").toString(),
                "--out",
                tmp.resolve("trend").toString(),
                "--mail-to",
                "cro@northwind.test",
                "--smtp",
                server.smtp().toString());
        assertEquals(0, report.code(), report.toString());
        assertEquals(2, server.received().length);
        assertEquals("SLA mailed 2026-07 to 2026-08: breached in 2026-08", server.received()[1].getSubject());
    }

    @Test
    void anUnreachableServerIsExit2WithOneLineAfterTheOutputsAreWritten() throws Exception {
        Workspace w =
                new Workspace(tmp).sla(SLA).leads("A,2026-08-05T10:00,,,,sales,,,,,,,,2026-08-05T10:00,,,,,,,,,,");
        Cli r = w.check(
                "2026-08", "--mail-to", "cro@northwind.test", "--smtp", "127.0.0.1:" + TestSmtpServer.closedPort());
        assertEquals(2, r.code(), r.toString());
        // the input report, then one line for the failed delivery, with no stack trace
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().lines().toList().get(1).startsWith("mail: cannot send via 127.0.0.1:"), r.err());
        assertTrue(Files.exists(w.out().resolve("summary.html")), "the outputs stay");
    }
}
