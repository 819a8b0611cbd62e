package campus.helpdesk.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluateTest {

    @TempDir
    Path dir;

    @Test
    void printsAccuracyPerClassFiguresAndTheConfusionMatrixForALabelledFile() throws Exception {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, """
                label\tdescription
                FACILITY\tThe radiator in room 12 is ice cold
                IT\tI cannot log in to Moodle
                SERVICES\tThe canteen is too expensive
                """);
        String out = run(file.toString());
        assertThat(out).contains("accuracy  100.0 % (3 items)");
        assertThat(out).contains("precision", "recall", "F1", "confusion matrix", "time per item");
        assertThat(out).containsPattern("FACILITY +1 +0 +0");
    }

    @Test
    void crossValidatesTheShippedCorpus() throws Exception {
        String out = run("--cv", "3");
        assertThat(out).contains("3-fold cross-validation", "accuracy per language", "fitted softmax temperature");
    }

    @Test
    void crossValidatesTheItWeightedAlternativeWhenAskedFor() throws Exception {
        String out = run("--cv", "3", "--model", "lr-it");
        assertThat(out).contains("3-fold cross-validation of the corpus, IT_WEIGHTED", "accuracy per language");
    }

    @Test
    void crossValidatesCorpusAndFileByParaphraseGroupReportingWhatReviewCatches() throws Exception {
        Path file = dir.resolve("dev.tsv");
        Files.writeString(file, """
                label\tdescription
                FACILITY\tThe radiator in room 12 is ice cold
                IT\tI cannot log in to Moodle
                SERVICES\tThe canteen is too expensive
                """);
        String out = run("--grouped-cv", "3", file.toString());
        assertThat(out).contains("3-fold cross-validation by paraphrase group", "paraphrase groups:",
                "confusion matrix", "expected calibration error").containsPattern("dev [0-9.]+ % \\(3\\)");
        assertThat(out).containsPattern("needsReview \\(all\\): flags [0-9]+ of [0-9]+ mistakes")
                .containsPattern("needsReview \\(dev\\): flags [0-9]+ of [0-9]+ mistakes");
        assertThat(out).doesNotContain("time per item"); // the file is in the folds, not scored by the full model
    }

    @Test
    void measuresTheEffectOfARetrainWithSimulatedStaffCorrections() throws Exception {
        String out = run("--retrain-effect");
        assertThat(out).contains("effect of a retrain").containsPattern("corrected tickets right: +before +[0-9.]+ %");
        assertThat(out).contains("unseen tickets right");
    }

    @Test
    void anUnknownLabelIsReportedWithItsLine() throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "IT\tok\nPLUMBING\tleak\n");
        assertThatThrownBy(() -> run(file.toString())).hasMessageContaining("bad.tsv:2")
                .hasMessageContaining("PLUMBING");
    }

    @Test
    void aWrongCommandLineIsAUsageErrorBeforeAnyWork() throws Exception {
        Path file = dir.resolve("ok.tsv");
        Files.writeString(file, "IT\twifi down\n");
        for (String[] line : List.of(new String[] {file.toString(), "--model", "bogus"},
                new String[] {file.toString(), "--model"}, new String[] {file.toString(), "--bogus"},
                new String[] {"--cv", "abc"}, new String[] {"--cv", "1"}, new String[] {file.toString(), "--retrain"},
                new String[] {file.toString(), file.toString()})) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertThatThrownBy(() -> Evaluate.run(line, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                    .as(String.join(" ", line)).isInstanceOf(Evaluate.UsageError.class);
            assertThat(bytes.size()).as("nothing reported first").isZero();
        }
    }

    @Test
    void aFileThatCannotBeLabelledTicketsIsNamedBeforeAnyReport() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.tsv"), "");
        Path ok = Files.writeString(dir.resolve("ok.tsv"), "IT\twifi down\n");
        assertThatThrownBy(() -> run(empty.toString())).hasMessageContaining("empty.tsv holds no labelled tickets");
        assertThatThrownBy(() -> run(dir.toString())).hasMessageContaining(dir + " is a folder");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Evaluate.run(new String[] {ok.toString(), "--retrain", dir.resolve("none.tsv")
                .toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8))).hasMessageContaining("none.tsv");
        assertThat(bytes.size()).as("the missing corrections found before the report").isZero();
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Evaluate.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
