package dev.l2r.mail;

import dev.l2r.InputError;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends one {@link Email} through one SMTP server as {@code multipart/alternative}: text/plain first, then
 * text/html, both UTF-8 (a client shows the last part it can render). Any failure, from a refused
 * connection to a rejected recipient, is an {@link InputError} of one line: {@code mail: cannot send via
 * HOST:PORT: cause}.
 */
public final class Mailer {

    private final SmtpSettings settings;

    public Mailer(SmtpSettings settings) {
        this.settings = settings;
    }

    public void send(Email email) {
        List<InternetAddress> to = new ArrayList<>();
        for (String a : email.to()) to.add(Addresses.parse("to", a));
        InternetAddress from = Addresses.parse("from", email.from());
        // no Authenticator: the credentials go to Transport.connect and nowhere else
        Session session = Session.getInstance(settings.properties());
        try {
            MimeMessage m = message(session, from, to, email);
            try (Transport t = session.getTransport("smtp")) {
                t.connect(settings.server().host(), settings.server().port(), settings.user(), settings.password());
                t.sendMessage(m, m.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new InputError("mail: cannot send via " + settings.server() + ": " + cause(e, settings));
        }
    }

    static MimeMessage message(Session session, InternetAddress from, List<InternetAddress> to, Email email)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipients(RecipientType.TO, to.toArray(InternetAddress[]::new));
        m.setSubject(email.subject(), "UTF-8");
        m.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        m.setContent(alternative);
        m.saveChanges();
        return m;
    }

    /** What went wrong, in one line, from the exception and the causes nested in it. */
    static String cause(MessagingException e, SmtpSettings settings) {
        Throwable root = root(e);
        if (e instanceof AuthenticationFailedException) {
            return "the server refused the login of " + SmtpSettings.USER + " (" + text(e, "no reason given") + ")";
        }
        if (e instanceof SendFailedException s
                && s.getInvalidAddresses() != null
                && s.getInvalidAddresses().length > 0) {
            String who =
                    Arrays.stream(s.getInvalidAddresses()).map(Object::toString).collect(Collectors.joining(", "));
            return "the server refused " + who + " (" + text(root, text(e, "no reason given")) + ")";
        }
        if (root instanceof UnknownHostException) return "unknown host " + text(root, "");
        if (root instanceof ConnectException) return "cannot connect (" + text(root, "refused") + ")";
        if (root instanceof SocketTimeoutException) {
            return "no answer within " + settings.timeout().toSeconds() + " s (" + text(root, "timed out") + ")";
        }
        if (in(e, SSLException.class) || in(e, GeneralSecurityException.class)) {
            String failed = "TLS failed (" + text(root, "no reason given") + ")";
            return settings.trustedHost() != null
                    ? failed
                    : failed + "; a test server with a self-signed certificate can be trusted with "
                            + SmtpSettings.TRUST + "=HOST";
        }
        if (e instanceof MailConnectException) return "cannot connect (" + text(root, text(e, "")) + ")";
        String outer = text(e, e.getClass().getSimpleName());
        String inner = root == e ? "" : text(root, "");
        return inner.isEmpty() || outer.contains(inner) ? outer : outer + " (" + inner + ")";
    }

    private static Throwable root(Throwable t) {
        Throwable r = t;
        for (int i = 0; i < 10 && next(r) != null; i++) r = next(r);
        return r;
    }

    private static boolean in(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable r = t; r != null; r = next(r)) {
            if (kind.isInstance(r)) return true;
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        Throwable n =
                t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        return n == t ? null : n;
    }

    private static String text(Throwable t, String otherwise) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? otherwise : InputError.flatten(m);
    }
}
