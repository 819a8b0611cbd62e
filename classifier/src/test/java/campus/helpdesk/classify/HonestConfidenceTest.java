package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Certainty;
import campus.helpdesk.api.Classification;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The confidence never claims certainty, and text that matches no category is "not sure", not a guess. */
class HonestConfidenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAAAA", "AAAA AAAA AAAA", "asdfgh qwertz yxcvb", "!!!???", "",
            "zzzzzzzzzz\nxxxxxxxxxxxxxx"})
    void textWithNoKnownWordIsNotSureAndGoesToTheDesk(String nonsense) {
        Classification c = TicketClassifiers.standard().classify(nonsense);
        assertThat(c.certainty()).isEqualTo(Certainty.NOT_SURE);
        assertThat(c.needsReview()).isTrue();
        assertThat(c.confidence()).isLessThan(Certainty.NOT_SURE_BELOW);
        assertThat(c.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                Offset.offset(1e-9));
    }

    /** The tester's report: "a" came out SERVICES at 0.99 and skipped review, "x" at 0.946. */
    @ParameterizedTest
    @ValueSource(strings = {"a", "e", "i", "o", "x", "a\ne", "A E I O U", "b12", "42",
            "the", "no", "il", "et", "de la", "is it"})
    void textOfLoneLettersNumbersOrWordsEveryCategoryUsesIsNotSure(String text) {
        Classification c = TicketClassifiers.standard().classify(text);
        assertThat(c.certainty()).isEqualTo(Certainty.NOT_SURE);
        assertThat(c.needsReview()).isTrue();
        assertThat(c.confidence()).isLessThan(Certainty.NOT_SURE_BELOW);
    }

    /** Two words of real reports, in each language: one word that names the trouble is evidence enough. */
    @ParameterizedTest
    @CsvSource({"wifi down, IT", "lift broken, FACILITY", "Beamer kaputt, IT", "stampante rotta, IT",
            "no hay luz, FACILITY", "WC sale, FACILITY", "PC, IT"})
    void shortReportsThatNameTheTroubleStayVeryLikely(String text, Category expected) {
        Classification c = TicketClassifiers.standard().classify(text);
        assertThat(c.category()).isEqualTo(expected);
        assertThat(c.certainty()).isEqualTo(Certainty.VERY_LIKELY);
        assertThat(c.needsReview()).isFalse();
    }

    @Test
    void textWithNoKnownWordGetsEachCategorysShareOfTheCorpus() {
        Classification c = TicketClassifiers.standard().classify("AAAAAAAAAAAAAAAA");
        for (Category category : Category.values()) {
            double share = (double) Corpus.shipped().stream().filter(t -> t.category() == category).count()
                    / Corpus.shipped().size();
            assertThat(c.scores().get(category)).as(category.name()).isCloseTo(share, Offset.offset(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"I can't log in to Moodle, my password is rejected and the VPN client crashes",
            "The radiator in room B12 is cold and the window does not close, water leaks from the ceiling",
            "Il wifi della biblioteca non funziona, eduroam si disconnette di continuo"})
    void aClearTicketIsVeryLikelyButNeverCertain(String text) {
        Classification c = TicketClassifiers.standard().classify(text);
        assertThat(c.certainty()).isEqualTo(Certainty.VERY_LIKELY);
        assertThat(c.confidence()).isLessThanOrEqualTo(TrainedClassifier.MAX_CONFIDENCE);
        assertThat(Math.round(c.confidence() * 100)).isLessThan(100);
    }

    @Test
    void theCapMovesTheExcessToTheOtherCategoriesInProportion() {
        double[] p = {0.0008, 0.9990, 0.0002};
        TrainedClassifier.capTheBest(p);
        assertThat(p[1]).isEqualTo(TrainedClassifier.MAX_CONFIDENCE);
        assertThat(p[0]).isCloseTo(0.0008 + 0.009 * 0.8, Offset.offset(1e-12));
        assertThat(p[2]).isCloseTo(0.0002 + 0.009 * 0.2, Offset.offset(1e-12));
        double[] below = {0.2, 0.7, 0.1};
        TrainedClassifier.capTheBest(below);
        assertThat(below).containsExactly(0.2, 0.7, 0.1);
        double[] all = {0, 1, 0};
        TrainedClassifier.capTheBest(all);
        assertThat(all).containsExactly(new double[]{0.005, 0.99, 0.005}, Offset.offset(1e-12));
    }

    @Test
    void wordsFollowTheConfidenceAndTheReviewFlag() {
        assertThat(Certainty.of(0.95, false)).isEqualTo(Certainty.VERY_LIKELY);
        assertThat(Certainty.of(0.75, true)).isEqualTo(Certainty.PROBABLY);
        assertThat(Certainty.of(0.69, true)).isEqualTo(Certainty.NOT_SURE);
        assertThat(Certainty.of(Certainty.NOT_SURE_BELOW, true)).isEqualTo(Certainty.PROBABLY);
    }
}
