package campus.helpdesk.ticket.mailintake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a reply by mail adds: its text above the quoted history and the signature. Mail clients quote in many ways;
 * the first line that starts one ends what the person wrote, so a message on the ticket does not repeat the
 * notification it answers.
 */
final class ReplyText {

    /**
     * "On Mon, 1 Dec 2026, Ada wrote:" and its Italian, Spanish and French forms, and the German one where the verb
     * comes before the name ("Am ... schrieb Ada:"); on one line or broken over two.
     */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^\\s*(on|il|el|am|le)\\b.{0,200}"
            + "(\\b(wrote|ha scritto|escribió|a écrit)\\s*:?|\\bschrieb\\b.{0,120}:)\\s*$");
    /** Outlook's separators and headers block, in the same languages. */
    private static final Pattern ORIGINAL = Pattern.compile(
            "(?i)^\\s*(-{2,}\\s*(original message|messaggio originale|mensaje original|ursprüngliche nachricht|"
                    + "message d'origine)\\s*-{2,}|_{10,}|(from|da|de|von)\\s*:.*@.*)\\s*$");

    private ReplyText() {
    }

    static String cut(String body) {
        String[] lines = body.replace("\r\n", "\n").split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1] : line;
            if (line.startsWith(">") || line.equals("-- ") || line.equals("--") || ORIGINAL.matcher(line).matches()
                    || ATTRIBUTION.matcher(line).matches()
                    || (ATTRIBUTION.matcher(joined).matches() && !line.isBlank())) {
                break;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }
}
