package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards against regressions: a fifth of the shipped corpus (stratified, fixed seed) is held out, the model is trained
 * on the rest and must still get the held-out tickets right. The floors sit a few points under what cross-validation
 * measures (about 90 %), so a real regression fails and noise does not.
 */
class HeldOutAccuracyTest {

    private static final double OVERALL_FLOOR = 0.85;
    /** About 50 held-out tickets per language: one fold swings by several points, hence the lower floor. */
    private static final double PER_LANGUAGE_FLOOR = 0.70;

    private static List<LabelledText> heldOut;
    private static TicketClassifier trained;

    @BeforeAll
    static void trainOnFourFifths() {
        List<LabelledText> all = Corpus.shipped();
        int[] fold = CrossValidation.assignFolds(all, 5);
        List<LabelledText> train = new ArrayList<>();
        heldOut = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (fold[i] == 0 ? heldOut : train).add(all.get(i));
        }
        trained = TicketClassifiers.trainedOn(train);
    }

    @Test
    void classifiesHeldOutCorpusTicketsAtLeast85PercentRight() {
        assertThat(accuracy(heldOut)).isGreaterThanOrEqualTo(OVERALL_FLOOR);
    }

    @Test
    void everyLanguageStaysAboveItsFloor() {
        for (String language : Corpus.LANGUAGES) {
            List<LabelledText> ofLanguage = Corpus.shipped(language).stream().filter(heldOut::contains).toList();
            assertThat(ofLanguage).as(language).hasSizeGreaterThan(30);
            assertThat(accuracy(ofLanguage)).as(language).isGreaterThanOrEqualTo(PER_LANGUAGE_FLOOR);
        }
    }

    @Test
    void theCorpusHasSeveralHundredExamplesPerCategoryInFiveLanguages() {
        for (Category c : Category.values()) {
            assertThat(Corpus.shipped().stream().filter(t -> t.category() == c).count()).as(c.name())
                    .isGreaterThanOrEqualTo(300);
        }
        for (String language : Corpus.LANGUAGES) {
            for (Category c : Category.values()) {
                assertThat(Corpus.shipped(language).stream().filter(t -> t.category() == c).count())
                        .as(language + " " + c).isGreaterThanOrEqualTo(50);
            }
        }
    }

    private static double accuracy(List<LabelledText> items) {
        long right = items.stream().filter(t -> trained.classify(t.text()).category() == t.category()).count();
        return (double) right / items.size();
    }
}
