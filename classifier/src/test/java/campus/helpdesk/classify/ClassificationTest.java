package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Classification;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationTest {

    @ParameterizedTest
    @ValueSource(strings = {"ascensore bloccato al piano 2", "eduroam keeps dropping in the library",
            "La cafetería cobra demasiado", "", "???"})
    void confidenceIsTheProbabilityOfTheChosenCategoryAndTheScoresSumToOne(String text) {
        Classification c = TicketClassifiers.standard().classify(text);
        assertThat(c.scores()).containsOnlyKeys(Category.values());
        assertThat(c.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                Offset.offset(1e-9));
        assertThat(c.confidence()).isEqualTo(c.scores().get(c.category()));
        assertThat(c.scores().values()).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(c.confidence()));
        assertThat(c.needsReview()).isEqualTo(c.confidence() < TrainedClassifier.REVIEW_THRESHOLD);
    }

    @Test
    void anEmptyOrMissingTextIsFlaggedForReviewInsteadOfFailing() {
        assertThat(TicketClassifiers.standard().classify("").needsReview()).isTrue();
        assertThat(TicketClassifiers.standard().classify(null).needsReview()).isTrue();
    }

    @Test
    void aClearTicketIsNotFlaggedForReview() {
        Classification c = TicketClassifiers.standard().classify("I can't log in to Moodle, my password is rejected");
        assertThat(c.category()).isEqualTo(Category.IT);
        assertThat(c.needsReview()).isFalse();
    }

    @Test
    void aHugeTextIsClassifiedFromItsBeginning() {
        String text = "The wifi in the library keeps dropping. " + "x".repeat(2_000_000);
        assertThat(TicketClassifiers.standard().classify(text).category()).isEqualTo(Category.IT);
    }
}
