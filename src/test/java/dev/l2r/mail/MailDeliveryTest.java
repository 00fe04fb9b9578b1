package dev.l2r.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary sent through a real SMTP server (GreenMail, plain SMTP) and read back as it arrived. */
class MailDeliveryTest {

    /** A committed example's outputs, read in place. */
    static final Path EXAMPLE = Path.of("examples/out/inside-sales/2026-09");

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

    private Delivery delivery(List<String> to) {
        return new Delivery(
                TestSmtpServer.settings(server.smtp(), Security.NONE, Map.of()), "sla-bot@northwind.test", to);
    }

    @Test
    void theSummaryArrivesAtEveryRecipientAsTextThenHtml() throws Exception {
        String subject = "SLA inside-sales 2026-09: breached — 5 critical";
        String line =
                delivery(List.of("cro@northwind.test", "ops@partner.test")).sendSummary(EXAMPLE, subject);

        assertEquals(
                "mailed summary.md and summary.html to cro@northwind.test, ops@partner.test via " + server.smtp(),
                line);
        assertEquals(2, server.received().length, "one copy per recipient");
        for (String to : List.of("cro@northwind.test", "ops@partner.test")) {
            List<MimeMessage> got = server.receivedBy(to);
            assertEquals(1, got.size(), to);
            assertSummary(got.get(0), subject, EXAMPLE, InternetAddress.parse("cro@northwind.test, ops@partner.test"));
        }
    }

    @Test
    void accentsArrowsAndEurosSurviveInTheSubjectAndBothParts() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), "# Résumé → Q3\n\nPipeline €1,250,000; naïve café.\n");
        Files.writeString(
                out.resolve("summary.html"),
                "<!doctype html><html><body><h1>Résumé → Q3</h1><p>Pipeline €1,250,000; naïve café.</p></body></html>\n");
        String subject = "SLA équipe → breached: €1.2M at risk";

        delivery(List.of("chef@cafe.test")).sendSummary(out, subject);

        MimeMessage[] got = server.received();
        assertEquals(1, got.length);
        assertSummary(got[0], subject, out, new InternetAddress("chef@cafe.test"));
    }

    @Test
    void aLineBreakInTheSubjectCannotAddAHeaderOrARecipient() throws Exception {
        delivery(List.of("cro@northwind.test", "cro@northwind.test"))
                .sendSummary(EXAMPLE, "SLA x\r\nBcc: eve@evil.test\n\tX-Evil: 1");

        MimeMessage[] got = server.received();
        assertEquals(1, got.length, "one copy, to the one recipient named twice");
        assertEquals("SLA x Bcc: eve@evil.test X-Evil: 1", got[0].getSubject());
        assertEquals(null, got[0].getHeader("X-Evil"));
        assertEquals(null, got[0].getHeader("Bcc"));
        assertEquals(List.of(), server.receivedBy("eve@evil.test"));
    }

    @Test
    void aFolderWithoutSummaryIsNamedAndNothingIsSent() {
        InputError e = assertThrows(
                InputError.class, () -> delivery(List.of("cro@northwind.test")).sendSummary(tmp, "s"));

        assertEquals(List.of("mail: " + tmp.resolve("summary.md") + ": no such file; nothing was sent"), e.lines());
        assertEquals(0, server.received().length);
    }

    /** Headers as given; multipart/alternative with text/plain = summary.md, then text/html = summary.html. */
    static void assertSummary(MimeMessage m, String subject, Path folder, InternetAddress... to) throws Exception {
        assertEquals(subject, m.getSubject());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("sla-bot@northwind.test")}, m.getFrom());
        assertArrayEquals(to, m.getRecipients(RecipientType.TO));
        assertTrue(m.getHeader("Message-ID") != null && m.getSentDate() != null, "Message-ID and Date are set");
        assertTrue(m.isMimeType("multipart/alternative"), m.getContentType());
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        Part text = parts.getBodyPart(0);
        Part html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain") && text.getContentType().contains("UTF-8"), text.getContentType());
        assertTrue(html.isMimeType("text/html") && html.getContentType().contains("UTF-8"), html.getContentType());
        // SMTP carries text with CRLF line breaks (RFC 5322); the content is otherwise the file's, character for
        // character
        assertEquals(Files.readString(folder.resolve("summary.md"), StandardCharsets.UTF_8), lf(text.getContent()));
        assertEquals(Files.readString(folder.resolve("summary.html"), StandardCharsets.UTF_8), lf(html.getContent()));
    }

    private static String lf(Object content) {
        return ((String) content).replace("\r\n", "\n");
    }
}
