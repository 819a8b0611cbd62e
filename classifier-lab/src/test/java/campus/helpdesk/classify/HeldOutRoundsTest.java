package campus.helpdesk.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The held-out rounds (eval/round-six.tsv, round-nine.tsv: reports written from the policy alone, never trained on)
 * stay held out, and the shipped model keeps its level on them. The floors sit under what was measured (96.4 and
 * 95.9 %, every language 94.0 % or more; 60 items per language besides English, so one ticket is 1.7 points): a
 * corpus or lexicon edit that costs unseen text several points fails here, noise does not.
 */
class HeldOutRoundsTest {

    private static final double OVERALL_FLOOR = 0.93;
    private static final double PER_LANGUAGE_FLOOR = 0.88;

    @ParameterizedTest
    @ValueSource(strings = {"eval/round-six.tsv", "eval/round-nine.tsv"})
    void noReportOfTheRoundIsACorpusLine(String file) throws IOException {
        Set<String> corpus = Corpus.shipped().stream().map(t -> TextFolding.fold(t.text()))
                .collect(Collectors.toSet());
        assertThat(byLanguage(file).values().stream().flatMap(List::stream)
                .filter(t -> corpus.contains(TextFolding.fold(t.text())))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval/round-six.tsv", "eval/round-nine.tsv"})
    void theShippedModelGetsTheRoundRightInEveryLanguage(String file) throws IOException {
        Map<String, List<LabelledText>> round = byLanguage(file);
        assertThat(round.keySet()).containsExactlyInAnyOrderElementsOf(Corpus.LANGUAGES);
        TicketClassifier model = TicketClassifiers.standard();
        long right = 0;
        long all = 0;
        for (var entry : round.entrySet()) {
            long rightHere = entry.getValue().stream()
                    .filter(t -> model.classify(t.text()).category() == t.category()).count();
            assertThat((double) rightHere / entry.getValue().size()).as(entry.getKey())
                    .isGreaterThanOrEqualTo(PER_LANGUAGE_FLOOR);
            right += rightHere;
            all += entry.getValue().size();
        }
        assertThat(all).isEqualTo(440);
        assertThat((double) right / all).isGreaterThanOrEqualTo(OVERALL_FLOOR);
    }

    /**
     * The same reports as a person writes them to a desk: a greeting before, thanks and a sign-off after. Words that
     * name no problem must not move one to another category, so the round stays as right, to within two tickets per
     * language: what is left of a greeting (a name, "je vous ... par") still tips a report that was a coin toss.
     * Measured before the courtesy words were left out: round six 426 -> 410 right, round nine 423 -> 410; after,
     * 425 -> 425 and 422 -> 423.
     */
    @ParameterizedTest
    @ValueSource(strings = {"eval/round-six.tsv", "eval/round-nine.tsv"})
    void aGreetingAndASignOffChangeNoCategory(String file) throws IOException {
        TicketClassifier model = TicketClassifiers.standard();
        List<String> figures = new java.util.ArrayList<>();
        List<String> fallen = new java.util.ArrayList<>();
        for (var entry : byLanguage(file).entrySet()) {
            List<LabelledText> reports = entry.getValue();
            long plain = reports.stream().filter(t -> model.classify(t.text()).category() == t.category()).count();
            long courteous = 0;
            List<String> flipped = new java.util.ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                LabelledText t = reports.get(i);
                String wrapped = Courteous.wrap(entry.getKey(), t.text(), i);
                if (model.classify(wrapped).category() == t.category()) {
                    courteous++;
                } else if (model.classify(t.text()).category() == t.category()) {
                    flipped.add(wrapped + " -> " + model.classify(wrapped).category());
                }
            }
            String figure = entry.getKey() + " " + plain + " -> " + courteous + " of " + reports.size();
            figures.add(figure);
            if (courteous < plain - 2) {
                fallen.add(figure + ", e.g. " + flipped.subList(0, Math.min(3, flipped.size())));
            }
        }
        assertThat(fallen).as(file + ", right plain -> with courtesy: " + figures).isEmpty();
    }

    /** The round's lines under its "# en", "# it", … headings, each block read as the corpus is. */
    private static Map<String, List<LabelledText>> byLanguage(String file) throws IOException {
        Map<String, StringBuilder> blocks = new LinkedHashMap<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            String heading = line.startsWith("# ") ? line.substring(2).strip() : "";
            if (Corpus.LANGUAGES.contains(heading)) {
                block = blocks.computeIfAbsent(heading, k -> new StringBuilder());
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        Map<String, List<LabelledText>> out = new LinkedHashMap<>();
        for (var entry : blocks.entrySet()) {
            out.put(entry.getKey(), Corpus.read(new StringReader(entry.getValue().toString()), file));
        }
        return out;
    }
}
