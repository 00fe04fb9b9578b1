package dev.l2r.mail;

import java.util.List;

/**
 * One message: a plain-text and an HTML version of the same content, to every recipient. The subject is
 * kept on one line: a line break or other control character in it (which may come from an agreement's id)
 * becomes a space, so it can never start a header of its own.
 */
public record Email(String from, List<String> to, String subject, String text, String html) {

    public Email {
        if (to.isEmpty()) throw new IllegalArgumentException("no recipient");
        to = List.copyOf(to);
        subject = subject.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
