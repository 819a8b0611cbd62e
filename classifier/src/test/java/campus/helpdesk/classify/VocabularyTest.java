package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which words of a text count as evidence: known to the training texts, and telling the categories apart. */
class VocabularyTest {

    /** 100 texts per category, each with "the"; "printer" in 60 IT texts only, "tap o" in one FACILITY text. */
    private static Vocabulary vocabulary() {
        List<LabelledText> texts = new ArrayList<>();
        for (Category category : Category.values()) {
            for (int i = 0; i < 100; i++) {
                String word = category == Category.IT && i < 60 ? "printer" : "thing" + category.ordinal() + i;
                texts.add(new LabelledText(category, "the " + word + (category == Category.FACILITY && i == 0
                        ? " tap o" : "")));
            }
        }
        return Vocabulary.of(texts, List.of());
    }

    @Test
    void aWordInEveryCategorysTextsIsNoEvidence() {
        assertThat(vocabulary().evidenceIn("the")).isZero();
        assertThat(vocabulary().evidenceIn("The THE the")).isZero();
    }

    @Test
    void aKnownWordOfOneCategoryIsEvidenceHoweverRare() {
        assertThat(vocabulary().evidenceIn("the printer")).isEqualTo(1);
        assertThat(vocabulary().evidenceIn("tap")).isEqualTo(1);
        assertThat(vocabulary().evidenceIn("printer tap, the printer")).isEqualTo(2);
    }

    @Test
    void aSingleLetterIsNoEvidenceEvenWhenKnown() {
        assertThat(vocabulary().evidenceIn("o")).isZero();
    }

    @Test
    void anUnknownWordIsNoEvidence() {
        assertThat(vocabulary().evidenceIn("zorblax")).isZero();
    }

    @Test
    void wordsACorrectionTeachesCountAsEvidence() {
        Vocabulary corrected = Vocabulary.of(List.of(new LabelledText(Category.IT, "the printer")),
                List.of(new LabelledText(Category.SERVICES, "zorblax")));
        assertThat(corrected.evidenceIn("zorblax")).isEqualTo(1);
    }
}
