package dev.l2r.mail;

import java.util.List;

/** One message: a plain-text and an HTML version of the same content, to every recipient. */
public record Email(String from, List<String> to, String subject, String text, String html) {

    public Email {
        if (to.isEmpty()) throw new IllegalArgumentException("no recipient");
        to = List.copyOf(to);
    }
}
