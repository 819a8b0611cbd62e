package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParaphraseGroupsTest {

    private static final List<LabelledText> TEXTS = List.of(
            new LabelledText(Category.FACILITY, "The lift in building C is stuck between floors"),
            new LabelledText(Category.FACILITY, "the lift in building C is stuck between two floors"),
            new LabelledText(Category.IT, "I cannot log in to Moodle since the update"),
            new LabelledText(Category.SERVICES, "The canteen is far too expensive"),
            new LabelledText(Category.IT, "Printer in the library prints blank pages"),
            new LabelledText(Category.SERVICES, "Registrar's office closed during its opening hours"));

    @Test
    void rewordingsOfOneTicketShareAGroupAndUnrelatedTicketsDoNot() {
        int[] group = ParaphraseGroups.of(TEXTS);
        assertThat(group[0]).isEqualTo(group[1]);
        assertThat(java.util.Arrays.copyOfRange(group, 1, 6)).doesNotHaveDuplicates();
    }

    @Test
    void aGroupIsNeverSplitAcrossFolds() {
        List<LabelledText> corpus = Corpus.shipped("en");
        int[] group = ParaphraseGroups.of(corpus);
        int[] fold = ParaphraseGroups.folds(corpus, group, 5);
        for (int i = 0; i < corpus.size(); i++) {
            for (int j = i + 1; j < corpus.size(); j++) {
                if (group[i] == group[j]) {
                    assertThat(fold[i]).as(corpus.get(i).text() + " / " + corpus.get(j).text()).isEqualTo(fold[j]);
                }
            }
        }
        int[] perFold = new int[5];
        for (int f : fold) {
            perFold[f]++;
        }
        // Close to even: groups are small, so whole-group dealing stays near a fifth each.
        for (int n : perFold) {
            assertThat(n).isBetween(corpus.size() / 5 - 10, corpus.size() / 5 + 10);
        }
    }
}
