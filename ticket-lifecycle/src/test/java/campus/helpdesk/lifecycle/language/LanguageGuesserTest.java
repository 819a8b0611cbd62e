package campus.helpdesk.lifecycle.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageGuesserTest {

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(delimiter = '|', textBlock = """
            english | The printer in the library does not work and it is jammed
            italian | L'ascensore non funziona e la porta della sala è chiusa
            spanish | El proyector de la sala no funciona y hay mucho ruido
            german  | Der Drucker im Labor funktioniert nicht und ist kaputt
            french  | Le projecteur de la salle ne fonctionne pas depuis lundi
            simple  | eduroam WLAN
            simple  | la
            """)
    void guessesTheLanguageWithTheMostFunctionWordsOrSimple(String language, String text) {
        assertThat(LanguageGuesser.guess(text)).isEqualTo(language);
    }

    /** The one-pass guess counts exactly as splitting the text into words and counting per language does. */
    @Test
    void countsWordsAsTheirDefinitionSays() {
        List<String> vocabulary = List.of("the", "and", "doesn't", "Isn't", "IL", "è", "la", "de", "está", "ist",
                "nicht", "le", "pas", "un", "una", "in", "es", "funciona", "ausente", "Straße", "l'aula", "ça",
                "İstanbul", "'", "x");
        List<String> separators = List.of(" ", "  ", ", ", ".\n", "\t", "-", "’", "1", "!?", "—");
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int words = random.nextInt(12);
            for (int w = 0; w < words; w++) {
                if (random.nextInt(5) > 0) {
                    text.append(separators.get(random.nextInt(separators.size())));
                }
                text.append(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            assertThat(LanguageGuesser.guess(text.toString())).as(text.toString())
                    .isEqualTo(byDefinition(text.toString()));
        }
    }

    /** The definition, written the slow and obvious way. */
    private static String byDefinition(String text) {
        String best = LanguageGuesser.SIMPLE;
        int bestScore = 0;
        boolean tie = false;
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        for (var language : LanguageGuesser.STOP_WORDS.entrySet()) {
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
        return tie ? LanguageGuesser.SIMPLE : best;
    }
}
