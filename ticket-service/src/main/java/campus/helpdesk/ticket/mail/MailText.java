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
    private record Words(String answered, String taken, String closed, String open, String reply,
                         String replyToClosed, String fileNew, String assigned, String answerInDesk) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "english", new Words("New answer on your ticket", "Your ticket is being handled",
                    "Your ticket was closed", "Open the ticket", "You can reply to this email.",
                    "Your ticket is closed, so your reply was not added",
                    "If the problem is still there, please send a new email or file a new report.",
                    "New message on a ticket assigned to you",
                    "Answer on the ticket's page: a reply to this email is not added to the ticket."),
            "italian", new Words("Nuova risposta alla tua segnalazione", "La tua segnalazione è in lavorazione",
                    "La tua segnalazione è stata chiusa", "Apri la segnalazione", "Puoi rispondere a questa email.",
                    "La tua segnalazione è chiusa, quindi la tua risposta non è stata aggiunta",
                    "Se il problema persiste, scrivi una nuova email o apri una nuova segnalazione.",
                    "Nuovo messaggio su una segnalazione assegnata a te",
                    "Rispondi dalla pagina della segnalazione: una risposta a questa email non viene aggiunta."),
            "spanish", new Words("Nueva respuesta a tu incidencia", "Tu incidencia está en curso",
                    "Tu incidencia se ha cerrado", "Abrir la incidencia", "Puedes responder a este correo.",
                    "Tu incidencia está cerrada, así que tu respuesta no se ha añadido",
                    "Si el problema continúa, envía un nuevo correo o abre una nueva incidencia.",
                    "Nuevo mensaje en una incidencia asignada a ti",
                    "Responde en la página de la incidencia: una respuesta a este correo no se añade."),
            "german", new Words("Neue Antwort auf Ihre Meldung", "Ihre Meldung wird bearbeitet",
                    "Ihre Meldung wurde geschlossen", "Meldung öffnen", "Sie können auf diese E-Mail antworten.",
                    "Ihre Meldung ist geschlossen, Ihre Antwort wurde daher nicht hinzugefügt",
                    "Besteht das Problem weiter, schreiben Sie bitte eine neue E-Mail oder eine neue Meldung.",
                    "Neue Nachricht zu einer Ihnen zugewiesenen Meldung",
                    "Antworten Sie auf der Seite der Meldung: Eine Antwort auf diese E-Mail wird nicht hinzugefügt."),
            "french", new Words("Nouvelle réponse à votre signalement", "Votre signalement est pris en charge",
                    "Votre signalement a été clos", "Ouvrir le signalement", "Vous pouvez répondre à cet e-mail.",
                    "Votre signalement est clos, votre réponse n'a donc pas été ajoutée",
                    "Si le problème persiste, envoyez un nouvel e-mail ou faites un nouveau signalement.",
                    "Nouveau message sur un signalement qui vous est attribué",
                    "Répondez sur la page du signalement : une réponse à cet e-mail n'est pas ajoutée."));

    public record Rendered(String subject, String text, String html) {
    }

    private MailText() {
    }

    public static Rendered render(Ticket ticket, MailKind kind, @Nullable String message, String link) {
        String language = TicketText.language(ticket.title(), ticket.description());
        Words words = WORDS.getOrDefault(language, WORDS.get("english"));
        // French sets a colon off with a (no-break) space, as the desk's own pages write it: "clos : L'ascenseur".
        String colon = language.equals("french") ? "\u00a0: " : ": ";
        String headline = switch (kind) {
            case ANSWERED -> words.answered();
            case TAKEN -> words.taken();
            case CLOSED -> words.closed();
            case REPLY_TO_CLOSED -> words.replyToClosed();
            case STAFF_MESSAGE -> words.assigned();
        };
        // A reply to this one would be a reply to a closed ticket again: it asks for a new report instead. Staff
        // answer in the desk, not by mail: a staff mail quotes internal notes, so a reply to it is never posted.
        String closing = switch (kind) {
            case REPLY_TO_CLOSED -> words.fileNew();
            case STAFF_MESSAGE -> words.answerInDesk();
            default -> words.reply();
        };
        String subject = "[#" + ticket.id() + "] " + headline + colon + oneLine(ticket.title());
        StringBuilder text = new StringBuilder(headline).append(colon).append(ticket.title()).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p><strong>")
                .append(escape(headline + colon.stripTrailing())).append("</strong> ").append(escape(ticket.title()))
                .append("</p>");
        if (message != null && !message.isBlank()) {
            text.append(message.strip()).append("\n\n");
            html.append("<blockquote style=\"white-space: pre-wrap\">").append(escape(message.strip()))
                    .append("</blockquote>");
        }
        text.append(words.open()).append(colon).append(link).append('\n');
        html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(words.open())).append("</a></p>");
        if (!closing.isEmpty()) {
            text.append(closing).append('\n');
            html.append("<p>").append(escape(closing)).append("</p>");
        }
        html.append("</body></html>");
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
