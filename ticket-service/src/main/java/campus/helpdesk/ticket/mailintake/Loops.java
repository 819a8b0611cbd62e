package campus.helpdesk.ticket.mailintake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;

/**
 * Mails no person wrote: auto-replies (RFC 3834's {@code Auto-Submitted}, the older {@code X-Autoreply} and
 * {@code Precedence}), bounces (from MAILER-DAEMON or postmaster, or with the empty Return-Path of a delivery
 * report). Answering one could start a loop of robots answering each other, and a ticket from one is noise: they
 * are neither filed nor answered, only recorded as read.
 */
final class Loops {

    private Loops() {
    }

    static boolean isAutomatic(MimeMessage mail, String sender) throws MessagingException {
        String autoSubmitted = header(mail, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = header(mail, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
            return true;
        }
        if (header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null) {
            return true;
        }
        String returnPath = header(mail, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty()) {
            return true;
        }
        String local = sender.contains("@") ? sender.substring(0, sender.indexOf('@')) : sender;
        return local.equalsIgnoreCase("mailer-daemon") || local.equalsIgnoreCase("postmaster");
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        String value = mail.getHeader(name, ",");
        return value == null ? null : value.strip();
    }
}
