package campus.helpdesk.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Evaluate.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
