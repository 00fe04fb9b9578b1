package dev.l2r.mail;

import dev.l2r.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a run's summary goes: the server, the sender and the recipients, checked before the run so that a
 * bad address fails fast; {@link #sendSummary} after the outputs are written.
 */
public record Delivery(SmtpSettings server, String from, List<String> to) {

    /** The summary files a folder of outputs holds: the HTML version and its plain-text (Markdown) twin. */
    public static final String HTML = "summary.html";

    public static final String TEXT = "summary.md";

    public Delivery {
        Addresses.parse("--mail-from", from);
        if (to.isEmpty()) throw new InputError("--mail-to: no address");
        to.forEach(a -> Addresses.parse("--mail-to", a));
        to = to.stream().distinct().toList(); // one copy each
    }

    /**
     * Sends {@code folder}'s summary.html and summary.md as one message: text part = summary.md, HTML part =
     * summary.html. Returns a line saying where it went, for the command to print.
     */
    public String sendSummary(Path folder, String subject) {
        return send(folder.resolve(TEXT), folder.resolve(HTML), subject);
    }

    /** Sends a Markdown file as the text part and its HTML twin as the HTML part; returns where it went. */
    public String send(Path text, Path html, String subject) {
        Email email = new Email(from, to, subject, read(text), read(html));
        new Mailer(server).send(email);
        return "mailed " + text.getFileName() + " and " + html.getFileName() + " to " + String.join(", ", to) + " via "
                + server.server();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputError("mail: " + file + ": no such file; nothing was sent");
        } catch (IOException e) {
            throw new InputError("mail: " + file + ": " + InputError.flatten(e.getMessage()) + "; nothing was sent");
        }
    }
}
