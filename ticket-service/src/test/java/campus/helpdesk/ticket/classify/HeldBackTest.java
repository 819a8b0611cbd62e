package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.classify.LabelledText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
    void tenHeldBackTicketsAreTheFewestThatCanJudge() {
        assertThat(HeldBack.CORRECTIONS_NEEDED).isEqualTo(46);
        assertThat(HeldBack.split(corrections(45)).enoughToJudge()).isFalse();
        assertThat(HeldBack.split(corrections(46)).judge()).hasSize(10);
        assertThat(HeldBack.split(corrections(46)).enoughToJudge()).isTrue();
    }

    /** The tester's case: two held-back copies of one ticket judged a retrain at 0 % before, 50 % after. */
    @Test
    void twoHeldBackCorrectionsCannotJudge() {
        assertThat(HeldBack.split(corrections(7)).judge()).hasSize(2);
        assertThat(HeldBack.split(corrections(7)).enoughToJudge()).isFalse();
    }

    @Test
    void aTicketCorrectedBackAndForthIsOneExampleWithItsLatestCategory() {
        List<CategoryCorrection> byId = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Category to = i % 2 == 0 ? Category.FACILITY : Category.IT;
            byId.add(correction(byId.size() + 1, 7, "Lift stuck, version " + i, to));
            if (i == 2) {
                byId.add(correction(byId.size() + 1, 8, "Printer jammed", Category.IT));
            }
        }
        assertThat(Corrections.latestPerTicket(byId)).containsExactly(
                new LabelledText(Category.FACILITY, "Lift stuck, version 6"),
                new LabelledText(Category.IT, "Printer jammed"));
    }

    private static CategoryCorrection correction(long id, long ticketId, String text, Category to) {
        return new CategoryCorrection(id, ticketId, text, Category.SERVICES, to, "Carla", null);
    }
}
