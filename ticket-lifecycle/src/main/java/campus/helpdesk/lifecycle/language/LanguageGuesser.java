package campus.helpdesk.ticket.language;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a ticket's language by counting common function words, to pick the stemming of its search vector
 * (PostgreSQL text-search configuration names). Cheap on purpose: it runs once per create and edit. Texts with no
 * clear winner get 'simple' (no stemming), which the search also matches.
 */
public final class LanguageGuesser {

    public static final String SIMPLE = "simple";

    private static final Map<String, Set<String>> STOP_WORDS = Map.of(
            "english", Set.of("the", "and", "is", "in", "of", "to", "it", "not", "my", "on", "with", "for", "a",
                    "this", "there", "was", "are", "at", "can", "does", "doesn't", "isn't", "please", "from"),
            "italian", Set.of("il", "lo", "la", "e", "è", "di", "che", "non", "un", "una", "per", "nel", "nella",
                    "del", "della", "con", "sono", "al", "alla", "gli", "le", "funziona", "da", "si"),
            "spanish", Set.of("el", "la", "los", "las", "y", "es", "de", "que", "no", "un", "una", "por", "en",
                    "del", "con", "para", "está", "funciona", "se", "al", "mi", "hay", "muy"),
            "german", Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "im", "in", "mit", "zu",
                    "von", "den", "dem", "es", "funktioniert", "auf", "bitte", "ich", "kein", "keine", "seit"),
            "french", Set.of("le", "la", "les", "et", "est", "de", "du", "des", "ne", "pas", "un", "une", "pour",
                    "dans", "avec", "au", "aux", "fonctionne", "il", "je", "sur", "mon", "ma", "plus"));

    private LanguageGuesser() {
    }

    public static String guess(String text) {
        String best = SIMPLE;
        int bestScore = 0;
        boolean tie = false;
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        for (var language : STOP_WORDS.entrySet()) {
            int score = 0;
            for (String word : words) {
                if (language.getValue().contains(word)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = language.getKey();
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie ? SIMPLE : best;
    }
}
