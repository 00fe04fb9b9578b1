package dev.l2r.mail;

import dev.l2r.InputError;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** E-mail addresses as Jakarta Mail reads them strictly (RFC 822 syntax, a domain required). */
public final class Addresses {

    private Addresses() {}

    /**
     * The address, or an {@link InputError} naming the option it came from: {@code --mail-to: "bob@" is not an
     * e-mail address}. One address per call, so a group or a list in one string is refused too, and so is a line
     * break (which could add a header).
     */
    public static InternetAddress parse(String option, String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.chars().anyMatch(Character::isISOControl)) throw new AddressException("control character");
            InternetAddress a = new InternetAddress(t, true);
            if (!a.isGroup() && a.getAddress().indexOf('@') > 0) return a;
        } catch (AddressException ignored) {
            // reported below, the same way for every kind of bad address
        }
        throw new InputError(option + ": \"" + text + "\" is not an e-mail address");
    }
}
