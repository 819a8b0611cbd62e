package campus.helpdesk.ticket.mailintake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mails no person wrote: auto-replies (RFC 3834's {@code Auto-Submitted}, the older {@code X-Autoreply},
 * {@code X-Loop} and {@code Precedence}, Exchange's out-of-office subjects), bounces and read receipts (a
 * {@code multipart/report}, mail from MAILER-DAEMON or postmaster or Exchange's system address, or with the empty
 * Return-Path of a delivery report). Answering one could start a loop of robots answering each other, and a ticket
 * from one is noise: they are neither filed nor answered, only recorded as read.
 */
final class Loops {

    private Loops() {
    }

    /** The subjects Exchange and other servers give their out-of-office replies, in the desk's five languages. */
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("(?iu)^\\s*(automatic reply|auto-?reply|"
            + "out of (the )?office|abwesenheitsnotiz|automatische antwort|risposta automatica|"
            + "respuesta automática|réponse automatique)[\\s\\u00a0]*:.*");

    /**
     * Whether no person wrote {@code mail}. {@code desk}: the desk's own address, which an {@code X-Loop} naming it
     * marks as a mail that has been through the desk before (a person's forwarding rule adds one naming them).
     */
    static boolean isAutomatic(MimeMessage mail, String sender, String desk) throws MessagingException {
        String autoSubmitted = header(mail, "Auto-Submitted");
        // "no", perhaps with a comment ("no (a person)"), is RFC 3834's word for a person's mail.
        if (autoSubmitted != null && !autoSubmitted.split("[\\s;(]", 2)[0].equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = header(mail, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return true;
        }
        String loop = header(mail, "X-Loop");
        boolean looped = loop != null && desk != null && !desk.isBlank()
                && loop.toLowerCase(Locale.ROOT).contains(desk.toLowerCase(Locale.ROOT));
        if (header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null || looped) {
            return true;
        }
        String subject = mail.getSubject();
        if (subject != null && AUTO_REPLY_SUBJECT.matcher(subject).matches()) {
            return true;
        }
        if (mail.isMimeType("multipart/report")) {
            return true;
        }
        String returnPath = header(mail, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty()) {
            return true;
        }
        String local = sender.contains("@") ? sender.substring(0, sender.indexOf('@')) : sender;
        String from = String.valueOf(header(mail, "From")).toLowerCase(Locale.ROOT);
        return local.equalsIgnoreCase("mailer-daemon") || local.equalsIgnoreCase("postmaster")
                || local.toLowerCase(Locale.ROOT).startsWith("microsoftexchange") || from.contains("mailer-daemon");
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        String value = mail.getHeader(name, ",");
        return value == null ? null : value.strip();
    }
}
