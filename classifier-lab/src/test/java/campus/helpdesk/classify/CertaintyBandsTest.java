package campus.helpdesk.classify;

import campus.helpdesk.api.Certainty;
import campus.helpdesk.api.Classification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words mean what they say on tickets the model never saw (a held-out fifth of the corpus, as in
 * {@link HeldOutAccuracyTest}): "very likely" is nearly always right, "not sure" is wrong often enough that the
 * desk must check, and nothing claims certainty.
 */
class CertaintyBandsTest {

    private static final Map<Certainty, int[]> RIGHT_OF = new EnumMap<>(Certainty.class);
    private static double highest;
    /** Held-out answers as {flagged for review, all}: [0] the wrong ones, [1] the right ones. */
    private static final int[][] REVIEWED = new int[2][2];

    @BeforeAll
    static void classifyTheHeldOutFifth() {
        List<LabelledText> all = Corpus.shipped();
        int[] fold = CrossValidation.assignFolds(all, 5);
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> heldOut = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (fold[i] == 0 ? heldOut : train).add(all.get(i));
        }
        TicketClassifier model = TicketClassifiers.trainedOn(train);
        for (LabelledText t : heldOut) {
            Classification c = model.classify(t.text());
            int[] counts = RIGHT_OF.computeIfAbsent(c.certainty(), k -> new int[2]);
            counts[0] += c.category() == t.category() ? 1 : 0;
            counts[1]++;
            highest = Math.max(highest, c.confidence());
            int[] reviewed = REVIEWED[c.category() == t.category() ? 1 : 0];
            reviewed[0] += c.needsReview() ? 1 : 0;
            reviewed[1]++;
        }
    }

    @Test
    void veryLikelyIsRightAtLeast95PercentOfTheTime() {
        assertThat(accuracy(Certainty.VERY_LIKELY)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void notSureIsRightFarLessOftenThanVeryLikely() {
        assertThat(RIGHT_OF.get(Certainty.NOT_SURE)[1]).as("not-sure answers").isGreaterThanOrEqualTo(10);
        assertThat(accuracy(Certainty.NOT_SURE)).isLessThan(0.75);
    }

    @Test
    void noAnswerClaimsCertainty() {
        assertThat(highest).isEqualTo(TrainedClassifier.MAX_CONFIDENCE);
    }

    @Test
    void reviewSeesMostMistakesAndFewerThanOneRightAnswerInFive() {
        System.out.printf("needsReview: %d of %d mistakes, %d of %d right answers%n", REVIEWED[0][0], REVIEWED[0][1],
                REVIEWED[1][0], REVIEWED[1][1]);
        assertThat(REVIEWED[0][0]).as("mistakes flagged").isGreaterThan(REVIEWED[0][1] * 2 / 3);
        assertThat(REVIEWED[1][0]).as("right answers flagged").isLessThan(REVIEWED[1][1] / 5);
    }

    private static double accuracy(Certainty certainty) {
        int[] counts = RIGHT_OF.get(certainty);
        System.out.printf("%s: %d of %d right%n", certainty, counts[0], counts[1]);
        return (double) counts[0] / counts[1];
    }
}
