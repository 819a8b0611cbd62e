package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.TicketText;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * What a notification says, in the language the ticket was written in when it is one of the five the desk knows
 * (the same guess full-text search uses), else English. Rendered once, when the outbox row is written, so a resend
 * says exactly what the first try said. The HTML part escapes every piece of user text.
 */
public final class MailText {

    /** Subject (ticket number and title follow), the line above the message, the link's words, the closing line. */
    private record Words(String answered, String taken, String closed, String open, String reply) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "english", new Words("New answer on your ticket", "Your ticket is being handled",
                    "Your ticket was closed", "Open the ticket", "You can reply to this email."),
            "italian", new Words("Nuova risposta alla tua segnalazione", "La tua segnalazione è in lavorazione",
                    "La tua segnalazione è stata chiusa", "Apri la segnalazione", "Puoi rispondere a questa email."),
            "spanish", new Words("Nueva respuesta a tu incidencia", "Tu incidencia está en curso",
                    "Tu incidencia se ha cerrado", "Abrir la incidencia", "Puedes responder a este correo."),
            "german", new Words("Neue Antwort auf Ihre Meldung", "Ihre Meldung wird bearbeitet",
                    "Ihre Meldung wurde geschlossen", "Meldung öffnen", "Sie können auf diese E-Mail antworten."),
            "french", new Words("Nouvelle réponse à votre signalement", "Votre signalement est pris en charge",
                    "Votre signalement a été clos", "Ouvrir le signalement", "Vous pouvez répondre à cet e-mail."));

    public record Rendered(String subject, String text, String html) {
    }

    private MailText() {
    }

    public static Rendered render(Ticket ticket, MailKind kind, @Nullable String message, String link) {
        Words words = WORDS.getOrDefault(TicketText.language(ticket.title(), ticket.description()),
                WORDS.get("english"));
        String headline = switch (kind) {
            case ANSWERED -> words.answered();
            case TAKEN -> words.taken();
            case CLOSED -> words.closed();
        };
        String subject = "[#" + ticket.id() + "] " + headline + ": " + oneLine(ticket.title());
        StringBuilder text = new StringBuilder(headline).append(": ").append(ticket.title()).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p><strong>")
                .append(escape(headline)).append(":</strong> ").append(escape(ticket.title())).append("</p>");
        if (message != null && !message.isBlank()) {
            text.append(message.strip()).append("\n\n");
            html.append("<blockquote style=\"white-space: pre-wrap\">").append(escape(message.strip()))
                    .append("</blockquote>");
        }
        text.append(words.open()).append(": ").append(link).append('\n').append(words.reply()).append('\n');
        html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(words.open()))
                .append("</a></p><p>").append(escape(words.reply())).append("</p></body></html>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    /** A subject is one line: a title never carries a header onto the next. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
