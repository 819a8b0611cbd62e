package campus.helpdesk.classify;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Is a ticket English? Counts each language's most common function words (those no other of the five shares, so
 * "la", "de", "in" and "no" are left out). The English sentence embedding is only asked about texts this calls
 * English; a text with no function word at all ("printer jammed") is not called English, as the embedding has
 * nothing to add that a guess could not spoil.
 */
final class LanguageGuess {

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "is", "of", "and", "to", "my", "not", "for", "with", "doesn't", "can't", "isn't",
                    "it's", "there", "at", "from", "i", "we", "please", "our", "has", "have", "does", "are", "was",
                    "been", "since", "this", "that", "won't", "keeps", "again", "anyone", "who", "when", "why"),
            "it", Set.of("il", "di", "che", "non", "per", "nel", "nella", "della", "del", "una", "sono", "ho",
                    "funziona", "è", "gli", "alla", "dal", "anche", "ancora", "perché"),
            "es", Set.of("el", "que", "los", "las", "por", "está", "hay", "funciona", "mi", "con", "para", "desde",
                    "pero", "también", "todavía", "porque", "nadie"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "im", "ein", "eine", "mit", "auf", "zu", "kein",
                    "keine", "funktioniert", "geht", "bei", "seit", "ich", "wir", "wieder", "noch"),
            "fr", Set.of("le", "les", "des", "du", "et", "est", "pas", "ne", "dans", "une", "au", "sur", "je",
                    "fonctionne", "marche", "depuis", "nous", "encore", "aussi", "toujours", "personne"));

    private LanguageGuess() {
    }

    static boolean isEnglish(String text) {
        Map<String, Integer> count = new java.util.HashMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            FUNCTION_WORDS.forEach((language, words) -> {
                if (words.contains(word)) {
                    count.merge(language, 1, Integer::sum);
                }
            });
        }
        int english = count.getOrDefault("en", 0);
        return english > 0 && count.entrySet().stream().noneMatch(e -> !e.getKey().equals("en")
                && e.getValue() >= english);
    }
}
