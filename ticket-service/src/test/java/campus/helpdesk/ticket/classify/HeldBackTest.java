package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.classify.LabelledText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HeldBackTest {

    private static List<LabelledText> corrections(int n) {
        return IntStream.range(0, n).mapToObj(i -> new LabelledText(Category.IT, "correction " + i)).toList();
    }

    @Test
    void everyFifthCorrectionByIdIsHeldBackAndTheRestTrain() {
        HeldBack split = HeldBack.split(corrections(12));
        assertThat(split.judge()).extracting(LabelledText::text)
                .containsExactly("correction 0", "correction 5", "correction 10");
        assertThat(split.train()).hasSize(9).extracting(LabelledText::text).doesNotContain("correction 5");
    }

    @Test
    void aNewCorrectionNeverMovesAnOlderOneToTheOtherSide() {
        HeldBack before = HeldBack.split(corrections(12));
        HeldBack after = HeldBack.split(corrections(13));
        assertThat(after.judge()).containsExactlyElementsOf(before.judge());
        assertThat(after.train()).startsWith(before.train().toArray(LabelledText[]::new));
    }

    @Test
    void sixCorrectionsAreTheFewestThatCanJudge() {
        assertThat(HeldBack.CORRECTIONS_NEEDED).isEqualTo(6);
        assertThat(HeldBack.split(corrections(5)).enoughToJudge()).isFalse();
        assertThat(HeldBack.split(corrections(6)).enoughToJudge()).isTrue();
    }
}
