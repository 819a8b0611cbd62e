package campus.helpdesk.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words people open and close a report with, in the desk's five languages ("Dear helpdesk", "thanks in advance",
 * "Mit freundlichen Grüßen", "Cordialement"), folded as {@link TextFolding} folds them. They name no problem, yet a
 * model learns from them whatever the corpus happened to pair them with, and a short report wrapped in them was
 * outvoted: "wifi broken" alone was IT, with "Dear helpdesk, … Best regards" around it SERVICES. They are left out
 * of a text's features, in training as in use. Only words that say nothing of a problem in any of the languages.
 * "Help" is not one ("aide financière" is a grant): it goes only as "your help" ({@link #PAIRS}), the thanks'
 * words.
 */
final class Courtesy {

    private static final Set<String> WORDS = Set.of(
            // English
            "dear", "hello", "hi", "hey", "greetings", "helpdesk", "team", "sir", "madam", "thanks", "thank", "thx",
            "ty", "regards", "kind", "kindly", "sincerely", "faithfully", "cheers", "best", "wishes",
            "appreciate", "appreciated", "morning", "afternoon", "evening", "hope", "please", "pls", "plz", "nice",
            // Italian
            "gentile", "gentili", "egregio", "egregia", "spettabile", "buongiorno", "buonasera", "salve", "ciao",
            "grazie", "mille", "cordiali", "saluti", "saluto", "distinti", "cordialmente", "ringrazio",
            "ringraziando", "cortesia", "cortese", "favore", "spero", "giornata", "buona", "buon", "squadra",
            // Spanish
            "estimado", "estimada", "estimados", "estimadas", "hola", "buenos", "buenas", "dias", "tardes",
            "gracias", "saludos", "saludo", "atentamente", "antemano", "agradezco", "agradeceria", "cordial", "buen",
            // German
            "geehrte", "geehrter", "geehrtes", "hallo", "liebe", "lieber", "liebes", "guten",
            "danke", "dank", "vielen", "besten", "voraus", "freundlichen", "freundliche", "grussen", "grusse",
            "gruss", "mfg", "vg", "bitte", "schonen", "schone",
            // French
            "bonjour", "bonsoir", "madame", "monsieur", "messieurs", "merci", "beaucoup",
            "cordialement", "salutations", "distinguees", "distingues", "veuillez", "agreer", "remercie",
            "remerciements", "svp", "stp", "salut", "coucou", "journee", "bonne", "equipe");

    /**
     * Two words that are courtesy together, each of which may name a problem alone: "equipo" is a computer as well as
     * a team, "Damen" and "Herren" name toilets, "à l'avance" a deadline, "cher" a price.
     */
    private static final Set<String> PAIRS = Set.of(
            "in advance", "in anticipo", "d avance", "par avance", "estimado equipo", "querido equipo",
            "geehrte damen", "und herren", "cher monsieur", "chere madame", "chers collegues",
            "your help", "your assistance", "your time", "your attention", "vostro aiuto", "tuo aiuto",
            "vostra attenzione", "su ayuda", "tu ayuda", "vuestra ayuda", "su atencion", "ihre hilfe", "eure hilfe",
            "deine hilfe", "ihre unterstutzung", "votre aide", "ton aide", "votre attention");

    private Courtesy() {
    }

    /** The folded words without the courtesy among them. */
    static List<String> without(List<String> words) {
        List<String> kept = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size() && PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
                i++;
            } else if (!WORDS.contains(words.get(i))) {
                kept.add(words.get(i));
            }
        }
        return kept;
    }
}
