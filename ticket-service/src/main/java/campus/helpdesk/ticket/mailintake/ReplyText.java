package campus.helpdesk.ticket.mailintake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a reply by mail adds: its text without the quoted history and the signature, so a message on the ticket does
 * not repeat the notification it answers. Mail clients quote in many ways, and people answer above the history
 * (most clients' default), below it or between its lines: a reply whose own words are not all above the history
 * is kept whole, quotes and all, because cutting there would lose what the person wrote.
 */
final class ReplyText {

    /** A space as mail clients write it, the no-break ones before a French colon included. */
    private static final String SPACE = "[\\s\\u00a0\\u202f]";
    /**
     * "On Mon, 1 Dec 2026, Ada wrote:" and its Italian, Spanish and French forms, and the German one where the verb
     * comes before the name ("Am ... schrieb Ada:"); on one line or broken over two.
     */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^" + SPACE + "*(on|il|el|am|le)\\b.{0,200}"
            + "(\\b(wrote|ha scritto|escribió|a écrit)" + SPACE + "*:?|\\bschrieb\\b.{0,120}:)" + SPACE + "*$");
    /** Outlook's separator lines, in the same languages. */
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?i)^\\s*(-{2,}\\s*(original message|messaggio originale|mensaje original|ursprüngliche nachricht|"
                    + "message d'origine)\\s*-{2,}|_{10,})\\s*$");
    /** The first line of the header block Outlook puts above the original: "From: …" in the five languages. */
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*(from|da|de|von)" + SPACE + "*:.*$");
    /** The line that follows it in that block: when it was sent (words as short as "A:" or "Da:" are a person's too). */
    private static final Pattern HEADER_NEXT = Pattern.compile("(?i)^\\s*(sent|date|inviato|enviado|fecha|gesendet|"
            + "envoyé)" + SPACE + "*:.*$");
    /** The signature delimiter ("-- "); a bare "--" counts only this close to the end, else it is the text's own. */
    private static final int BARE_SIGNATURE_LINES = 6;

    private ReplyText() {
    }

    static String cut(String body) {
        String[] lines = body.replace("\r\n", "\n").split("\n", -1);
        int history = lines.length;
        boolean outlook = false;
        for (int i = 0; i < lines.length; i++) {
            if (signature(lines, i)) {
                return String.join("\n", List.of(lines).subList(0, i)).strip();
            }
            if (SEPARATOR.matcher(lines[i]).matches() || outlookHeaders(lines, i)) {
                history = i;
                outlook = true;
                break;
            }
            String joined = i + 1 < lines.length ? lines[i] + " " + lines[i + 1] : lines[i];
            if (lines[i].startsWith(">") || ATTRIBUTION.matcher(lines[i]).matches()
                    || (ATTRIBUTION.matcher(joined).matches() && !lines[i].isBlank())) {
                history = i;
                break;
            }
        }
        String above = String.join("\n", List.of(lines).subList(0, history)).strip();
        // Outlook puts the original below unquoted and never answers under it: what follows is all history.
        if (outlook || !ownWordsAfter(lines, history)) {
            return above;
        }
        return withoutSignature(lines).strip();
    }

    /**
     * Whether a line below the start of the history is neither quoted, an attribution nor the signature's. Only a
     * history quoted with "> " tells a person's lines from its own: one that is not (a mail server's footer under it,
     * a client that quotes without marks) is all history below its attribution.
     */
    private static boolean ownWordsAfter(String[] lines, int history) {
        boolean marked = false;
        for (int i = history; i < lines.length && !marked; i++) {
            marked = lines[i].startsWith(">");
        }
        if (!marked) {
            return false;
        }
        for (int i = history; i < lines.length; i++) {
            String line = lines[i];
            if (signature(lines, i)) {
                return false;
            }
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1] : line;
            boolean attribution = ATTRIBUTION.matcher(line).matches()
                    || (ATTRIBUTION.matcher(joined).matches() && !line.isBlank())
                    || (i > 0 && ATTRIBUTION.matcher(lines[i - 1] + " " + line).matches());
            if (!line.isBlank() && !line.startsWith(">") && !attribution) {
                return true;
            }
        }
        return false;
    }

    private static String withoutSignature(String[] lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length && !signature(lines, i); i++) {
            kept.add(lines[i]);
        }
        return String.join("\n", kept);
    }

    private static boolean signature(String[] lines, int i) {
        return lines[i].equals("-- ") || (lines[i].equals("--") && lines.length - i <= BARE_SIGNATURE_LINES + 1);
    }

    /** "From: …" followed within two lines by "Sent:" or its translation: Outlook's block, not a person's line. */
    private static boolean outlookHeaders(String[] lines, int i) {
        if (!HEADER_FROM.matcher(lines[i]).matches()) {
            return false;
        }
        for (int next = i + 1; next < Math.min(lines.length, i + 3); next++) {
            if (HEADER_NEXT.matcher(lines[next]).matches()) {
                return true;
            }
        }
        return false;
    }
}
