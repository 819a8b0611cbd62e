package campus.helpdesk.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private static final List<String> TEXTS = List.of(
            "ascensore bloccato al piano 2",
            "eduroam keeps dropping in the library",
            "La cafetería cobra demasiado por un bocadillo",
            "Der Drucker im Erdgeschoss druckt nur leere Seiten",
            "Il n'y a plus d'eau chaude dans la résidence",
            "");

    @Test
    void theSameTextGetsTheSameAnswerEveryTime() {
        TicketClassifier classifier = TicketClassifiers.standard();
        for (String text : TEXTS) {
            assertThat(classifier.classify(text)).isEqualTo(classifier.classify(text));
        }
    }

    @Test
    void twoTrainingsOnTheSameCorpusGiveIdenticalScores() {
        TicketClassifier first = TicketClassifiers.trainedOn(Corpus.shipped());
        TicketClassifier second = TicketClassifiers.trainedOn(Corpus.shipped());
        for (String text : TEXTS) {
            // Exact equality, not closeness: same order, same arithmetic, same doubles.
            assertThat(second.classify(text).scores()).isEqualTo(first.classify(text).scores());
        }
    }
}
