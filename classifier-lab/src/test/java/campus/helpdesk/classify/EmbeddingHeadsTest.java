package campus.helpdesk.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the embedding experiment that do not need the model: the language guess that decides which texts the
 * English embedding is asked about, and the two heads on dense vectors.
 */
class EmbeddingHeadsTest {

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | The projector in room 4 is not working since Monday
            true  | my laptop can't connect to the wifi
            false | Der Beamer im Hörsaal 2 ist seit Montag kaputt
            false | La stampante del secondo piano non funziona
            false | El proyector del aula 3 no funciona desde el lunes
            false | Le vidéoprojecteur de la salle B ne marche pas
            false | printer jammed
            """)
    void callsATextEnglishOnlyOnEnglishFunctionWords(boolean english, String text) {
        assertThat(LanguageGuess.isEnglish(text)).isEqualTo(english);
    }

    @Test
    void bothHeadsLearnThreeSeparableClusters() {
        Random random = new Random(1);
        int n = 90;
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[i] = noisyUnitVector(y[i], random);
        }
        DenseSoftmax lr = DenseSoftmax.train(x, y, 3);
        NearestNeighbours knn = new NearestNeighbours(x, y, 3);
        int right = 0;
        for (int i = 0; i < 60; i++) {
            float[] v = noisyUnitVector(i % 3, random);
            right += Best.of(lr.logits(v)) == i % 3 ? 1 : 0;
            right += Best.of(knn.logits(v)) == i % 3 ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(114);
    }

    private static float[] noisyUnitVector(int cluster, Random random) {
        float[] v = new float[8];
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (random.nextGaussian() * 0.3);
        }
        v[cluster] += 1;
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
