package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff corrections followed by a retrain must change what the desk does with the corrected kind of text, and only
 * with that kind. The scenario: this campus's makerspace (3D printers, laser cutter) is run by the workshop team, so
 * staff file its tickets under FACILITY, while the shipped model sees "printer" and answers IT.
 */
class RetrainTest {

    private static final List<LabelledText> CORRECTIONS = List.of(
            new LabelledText(Category.FACILITY, "3D printer in the makerspace has a clogged nozzle"),
            new LabelledText(Category.FACILITY, "The makerspace 3D printer bed is not level, prints fail"),
            new LabelledText(Category.FACILITY, "Laser cutter in the makerspace won't fire, the tube seems dead"),
            new LabelledText(Category.FACILITY, "Stampante 3D del makerspace con l'ugello otturato"),
            new LabelledText(Category.FACILITY, "Makerspace: filament jammed in the 3D printer extruder again"),
            new LabelledText(Category.FACILITY, "The resin 3D printer in the makerspace leaks resin on the table"));

    /**
     * Texts of the same kind, none of them among the corrections. The first was "the 3D printer in the makerspace
     * stops halfway through every print" until the corpus gained an IT line saying nearly that word for word: six
     * corrections do not outweigh the corpus on a text it already holds, nor should they.
     */
    private static final List<String> SIMILAR = List.of(
            "the 3D printer in the makerspace leaves gaps in every layer",
            "makerspace 3D printer extruder is making a clicking noise",
            "La stampante 3D del makerspace non scalda il piatto");

    @Test
    void beforeTheRetrainTheShippedModelFilesMakerspaceTicketsElsewhere() {
        // Makes the next test meaningful: without the corrections these texts do not land in FACILITY.
        TicketClassifier shipped = TicketClassifiers.standard();
        assertThat(SIMILAR).allSatisfy(t -> assertThat(shipped.classify(t).category()).isNotEqualTo(Category.FACILITY));
    }

    @Test
    void afterCorrectionsAndARetrainSimilarTicketsFollowTheCorrectedCategory() {
        TicketClassifier retrained = TicketClassifiers.standard().retrainedWith(CORRECTIONS);
        assertThat(SIMILAR).allSatisfy(t -> assertThat(retrained.classify(t).category()).isEqualTo(Category.FACILITY));
    }

    @Test
    void aRetrainLeavesOtherKindsOfTicketAlone() {
        TicketClassifier retrained = TicketClassifiers.standard().retrainedWith(CORRECTIONS);
        assertThat(retrained.classify("The printer in the library prints only blank pages").category())
                .isEqualTo(Category.IT);
        assertThat(retrained.classify("eduroam keeps dropping in the library").category()).isEqualTo(Category.IT);
        assertThat(retrained.classify("The canteen is far too expensive").category()).isEqualTo(Category.SERVICES);
    }

    @Test
    void retrainingStartsFromTheShippedCorpusSoTheSameCorrectionsTwiceChangeNothing() {
        TicketClassifier once = TicketClassifiers.standard().retrainedWith(CORRECTIONS);
        TicketClassifier twice = once.retrainedWith(CORRECTIONS);
        for (String t : SIMILAR) {
            assertThat(twice.classify(t).scores()).isEqualTo(once.classify(t).scores());
        }
    }

    @Test
    void theShippedModelIsNotChangedByARetrain() {
        TicketClassifier shipped = TicketClassifiers.standard();
        var before = shipped.classify(SIMILAR.get(0));
        shipped.retrainedWith(CORRECTIONS);
        assertThat(shipped.classify(SIMILAR.get(0))).isEqualTo(before);
    }
}
