package campus.helpdesk.lifecycle.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a ticket's language by counting common function words, to pick the stemming of its search vector
 * (PostgreSQL text-search configuration names). Cheap on purpose: it runs once per create and edit, and for every
 * demo ticket. Texts with no clear winner get 'simple' (no stemming), which the search also matches.
 */
public final class LanguageGuesser {

    public static final String SIMPLE = "simple";

    static final Map<String, Set<String>> STOP_WORDS = Map.of(
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

    /** Each function word → the languages it belongs to, one bit per entry of {@link #LANGUAGES}. */
    private static final Map<String, Integer> LANGUAGES_OF_WORD = new HashMap<>();
    private static final String[] LANGUAGES = STOP_WORDS.keySet().stream().sorted().toArray(String[]::new);

    static {
        for (int i = 0; i < LANGUAGES.length; i++) {
            for (String word : STOP_WORDS.get(LANGUAGES[i])) {
                LANGUAGES_OF_WORD.merge(word, 1 << i, (a, b) -> a | b);
            }
        }
    }

    private LanguageGuesser() {
    }

    /**
     * The language whose function words occur most often in the text (each occurrence counts), or 'simple' when
     * none occurs or two languages share the top count. One pass over the text: demo-data guesses this for every
     * one of a million tickets.
     */
    public static String guess(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int[] scores = new int[LANGUAGES.length];
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int c = i < lower.length() ? lower.codePointAt(i) : ' ';
            // A word is a run of letters and apostrophes ("doesn't"), anything else separates words.
            if (Character.isLetter(c) || c == '\'') {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                Integer languages = LANGUAGES_OF_WORD.get(lower.substring(start, i));
                if (languages != null) {
                    for (int l = 0; l < scores.length; l++) {
                        scores[l] += languages >> l & 1;
                    }
                }
                start = -1;
            }
            i += Character.charCount(c);
        }
        int best = -1;
        boolean tie = false;
        for (int l = 0; l < scores.length; l++) {
            if (scores[l] > 0 && (best < 0 || scores[l] > scores[best])) {
                best = l;
                tie = false;
            } else if (best >= 0 && scores[l] == scores[best]) {
                tie = true;
            }
        }
        return best < 0 || tie ? SIMPLE : LANGUAGES[best];
    }
}
