package dev.l2r.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server that offers STARTTLS and requires it before the sender, the recipients and the login
 * (SubEthaSMTP, with GreenMail's self-signed certificate), on a free loopback port. GreenMail's own SMTP has
 * no STARTTLS. It logs in one user and refuses the recipients it is told to.
 */
final class StarttlsSmtpServer implements AutoCloseable {

    record Arrived(String from, String to, MimeMessage message) {}

    private final List<Arrived> arrived = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    StarttlsSmtpServer(String user, String password, Set<String> refused) throws Exception {
        server = SMTPServer.port(0)
                .bindAddress(InetAddress.getByName(TestSmtpServer.HOST))
                .hostName("localhost")
                .startTlsSocketFactory(sslContext())
                .enableTLS()
                .requireTLS()
                .authenticationHandlerFactory(
                        new EasyAuthenticationHandlerFactory((String u, String p, MessageContext ctx) -> {
                            if (!u.equals(user) || !p.equals(password)) throw new LoginFailedException();
                        }))
                .requireAuth()
                .messageHandlerFactory(ctx -> new Handler(refused))
                .build();
        server.start();
    }

    Endpoint endpoint() {
        return new Endpoint(TestSmtpServer.HOST, server.getPortAllocated());
    }

    List<Arrived> arrived() {
        return arrived;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** GreenMail's self-signed test certificate, shipped in its jar. */
    private static SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = StarttlsSmtpServer.class.getResourceAsStream("/greenmail.p12")) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    private final class Handler implements MessageHandler {
        private final Set<String> refused;
        private final List<String> to = new CopyOnWriteArrayList<>();
        private String from;

        Handler(Set<String> refused) {
            this.refused = refused;
        }

        @Override
        public void from(String address) {
            from = address;
        }

        @Override
        public void recipient(String address) throws RejectException {
            if (refused.contains(address))
                throw new RejectException(550, "5.1.1 <" + address + ">: mailbox unavailable");
            to.add(address);
        }

        @Override
        public String data(InputStream data) throws IOException {
            byte[] bytes = data.readAllBytes();
            try {
                for (String t : to) {
                    arrived.add(new Arrived(
                            from,
                            t,
                            new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes))));
                }
            } catch (MessagingException e) {
                throw new IOException(e);
            }
            return null;
        }

        @Override
        public void done() {}
    }
}
