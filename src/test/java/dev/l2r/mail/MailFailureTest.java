package dev.l2r.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad settings and an unreachable server: one line naming what is wrong, no stack trace. */
class MailFailureTest {

    @Test
    void aClosedPortIsOneLineWellWithinTheTimeout() throws Exception {
        Endpoint closed = new Endpoint(TestSmtpServer.HOST, TestSmtpServer.closedPort());
        Delivery d =
                new Delivery(SmtpSettings.of(closed, null, Map.of()), "l2r@localhost", List.of("cro@northwind.test"));
        long start = System.nanoTime();

        InputError e = assertThrows(InputError.class, () -> d.sendSummary(MailDeliveryTest.EXAMPLE, "s"));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(SmtpSettings.TIMEOUT) < 0);
        assertEquals(List.of("mail: cannot send via " + closed + ": cannot connect (Connection refused)"), e.lines());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        // a real socket that takes the connection and never greets: the read timeout ends the wait
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(TestSmtpServer.HOST))) {
            Endpoint at = new Endpoint(TestSmtpServer.HOST, silent.getLocalPort());
            SmtpSettings s = SmtpSettings.of(at, null, Map.of()).withTimeout(Duration.ofSeconds(1));
            Delivery d = new Delivery(s, "l2r@localhost", List.of("cro@northwind.test"));
            long start = System.nanoTime();

            InputError e = assertThrows(InputError.class, () -> d.sendSummary(MailDeliveryTest.EXAMPLE, "s"));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(
                    took.compareTo(Duration.ofSeconds(1)) >= 0 && took.compareTo(Duration.ofSeconds(10)) < 0,
                    took.toString());
            assertEquals(1, e.lines().size(), e.getMessage());
            assertTrue(
                    e.lines().get(0).startsWith("mail: cannot send via " + at + ": no answer within 1 s ("),
                    e.getMessage());
        }
    }

    @ParameterizedTest(name = "--mail-to \"{0}\" is refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "bob@",
                "bob",
                "@northwind.test",
                "' '",
                "bob@northwind.test, ann@northwind.test",
                "team: bob@northwind.test;",
                "bob smith@northwind.test"
            })
    void anAddressThatIsNotOneIsNamedWithItsOption(String address) {
        InputError e = assertThrows(InputError.class, () -> Addresses.parse("--mail-to", address));

        assertEquals(List.of(InputError.flatten("--mail-to: \"" + address + "\" is not an e-mail address")), e.lines());
    }

    @Test
    void aLineBreakInAnAddressCannotAddAHeader() {
        String address = "bob@northwind.test\r\nBcc: eve@evil.test";
        InputError e = assertThrows(InputError.class, () -> Addresses.parse("--mail-from", address));

        assertEquals(
                List.of("--mail-from: \"bob@northwind.test\\r\\nBcc: eve@evil.test\" is not an e-mail address"),
                e.lines());
    }

    @ParameterizedTest(name = "\"{0}\" is an address")
    @CsvSource(
            delimiter = '|',
            value = {"bob@northwind.test", "Bob Smith <bob@northwind.test>", "bob+sla@mail.northwind.test"})
    void anAddressIsAccepted(String address) {
        assertEquals(
                address.replaceAll(".*<|>", ""),
                Addresses.parse("--mail-to", address).getAddress());
    }

    @ParameterizedTest(name = "--smtp \"{0}\": {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "smtp.example.com|\"smtp.example.com\" is not HOST:PORT (for example smtp.example.com:587)",
                "smtp.example.com:|\"smtp.example.com:\" is not HOST:PORT (for example smtp.example.com:587)",
                ":25|\":25\" is not HOST:PORT (for example smtp.example.com:587)",
                "smtp.example.com:smtp|\"smtp.example.com:smtp\" is not HOST:PORT (for example smtp.example.com:587)",
                "smtp.example.com:0|\"smtp.example.com:0\": the port must be between 1 and 65535",
                "smtp.example.com:65536|\"smtp.example.com:65536\": the port must be between 1 and 65535",
                "::1:25|\"::1:25\" is not HOST:PORT (for example smtp.example.com:587)"
            })
    void anSmtpServerThatIsNotHostAndPortIsRefused(String text, String message) {
        InputError e = assertThrows(InputError.class, () -> Endpoint.parse(text));

        assertEquals(List.of(message), e.lines());
    }

    @ParameterizedTest(name = "--smtp {0} is {1}:{2}")
    @CsvSource({"smtp.example.com:587,smtp.example.com,587", "127.0.0.1:1,127.0.0.1,1", "[::1]:65535,::1,65535"})
    void hostAndPortAreRead(String text, String host, int port) {
        assertEquals(new Endpoint(host, port), Endpoint.parse(text));
        assertEquals(text, Endpoint.parse(text).toString());
    }

    @ParameterizedTest(name = "port {0} defaults to {1}")
    @CsvSource({"465,ssl", "587,starttls", "25,none", "2525,none"})
    void securityDefaultsByThePortsConvention(int port, String mode) {
        assertEquals(
                mode,
                SmtpSettings.of(new Endpoint("h", port), null, Map.of())
                        .security()
                        .label());
    }

    @Test
    void theSettingsNeverShowThePassword() {
        SmtpSettings s = SmtpSettings.of(
                new Endpoint("smtp.example.com", 587),
                null,
                Map.of(SmtpSettings.USER, "sla-bot", SmtpSettings.PASSWORD, "hunter2"));

        assertEquals("smtp.example.com:587 (starttls, as sla-bot)", s.toString());
    }
}
