package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code Evaluate --grouped-cv K [FILE.tsv]}: k-fold cross-validation over the shipped corpus plus, if given, a
 * labelled file (the development set), with whole paraphrase groups kept in one fold ({@link ParaphraseGroups}).
 * The figure that stands in for unseen tickets: per language (the file's items count as language "dev"), per class
 * with the confusion matrix, calibration error, and how many mistakes {@code needsReview} flags.
 */
final class GroupedCrossValidation {

    private GroupedCrossValidation() {
    }

    /**
     * {@code errors}: also list the corpus's out-of-fold mistakes (where the lexicon or the corpus lacks something);
     * the file's are never listed, so a development file can be scored without being read.
     */
    static void print(int k, ModelKind kind, List<LabelledText> extra, boolean errors, PrintStream out) {
        long start = System.nanoTime();
        List<LabelledText> pool = new ArrayList<>();
        List<String> language = new ArrayList<>();
        for (String l : Corpus.LANGUAGES) {
            for (LabelledText t : Corpus.shipped(l)) {
                pool.add(t);
                language.add(l);
            }
        }
        for (LabelledText t : extra) {
            pool.add(t);
            language.add("dev");
        }
        int[] group = ParaphraseGroups.of(pool);
        int[] fold = ParaphraseGroups.folds(pool, group, k);
        CrossValidation.OutOfFold oof = CrossValidation.run(pool, fold, k, kind);
        out.printf(Locale.ROOT, "%n== %d-fold cross-validation by paraphrase group, %s, %d items (%d ms) ==%n", k,
                kind, pool.size(), (System.nanoTime() - start) / 1_000_000);
        printGroups(group, out);

        ConfusionMatrix all = new ConfusionMatrix();
        Map<String, ConfusionMatrix> byLanguage = new TreeMap<>();
        List<Calibration.Outcome> outcomes = new ArrayList<>();
        List<Calibration.Outcome> devOutcomes = new ArrayList<>();
        List<String> corpusMistakes = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            double[] p = oof.logits().get(i).clone();
            LinearModel.softmax(p, kind.temperature);
            TrainedClassifier.capTheBest(p);
            int best = Best.of(p);
            Category truth = pool.get(i).category();
            all.add(truth, Category.values()[best]);
            byLanguage.computeIfAbsent(language.get(i), l -> new ConfusionMatrix()).add(truth, Category.values()[best]);
            Calibration.Outcome o = new Calibration.Outcome(p[best], best == truth.ordinal());
            outcomes.add(o);
            if (language.get(i).equals("dev")) {
                devOutcomes.add(o);
            } else if (best != truth.ordinal()) {
                corpusMistakes.add("  " + language.get(i) + " "
                        + Evaluate.mistake(truth, Category.values()[best], p[best], pool.get(i).text()));
            }
        }
        all.print(out);
        out.print("accuracy per language:");
        byLanguage.forEach((l, m) -> out.printf(Locale.ROOT, "  %s %.1f %% (%d)", l, 100 * m.accuracy(), m.total()));
        out.println();
        out.printf(Locale.ROOT, "fitted softmax temperature %.2f (in use %.2f)%n", CrossValidation.fitTemperature(oof),
                kind.temperature);
        Calibration.print(outcomes, out);
        printReview("all", outcomes, out);
        if (!devOutcomes.isEmpty()) {
            printReview("dev", devOutcomes, out);
        }
        if (errors) {
            out.println("corpus mistakes (language, true -> predicted, confidence, text)");
            corpusMistakes.forEach(out::println);
        }
    }

    private static void printGroups(int[] group, PrintStream out) {
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        int[] size = new int[groups];
        for (int g : group) {
            size[g]++;
        }
        int largest = 0;
        int inShared = 0;
        for (int s : size) {
            largest = Math.max(largest, s);
            inShared += s > 1 ? s : 0;
        }
        out.printf(Locale.ROOT, "paraphrase groups: %d (largest %d; %d items share a group with another)%n", groups,
                largest, inShared);
    }

    /** The product's review rule applied to out-of-fold answers: of the mistakes, how many would a person see. */
    static void printReview(String label, List<Calibration.Outcome> outcomes, PrintStream out) {
        int mistakes = 0;
        int flaggedMistakes = 0;
        int flagged = 0;
        for (Calibration.Outcome o : outcomes) {
            boolean review = TicketClassifier.needsReview(o.confidence());
            flagged += review ? 1 : 0;
            if (!o.correct()) {
                mistakes++;
                flaggedMistakes += review ? 1 : 0;
            }
        }
        int right = outcomes.size() - mistakes;
        out.printf(Locale.ROOT, "needsReview (%s): flags %d of %d mistakes and %.1f %% of the right answers, %.1f %% of %d"
                + " tickets%n", label, flaggedMistakes, mistakes, right == 0 ? 0 : 100.0 * (flagged - flaggedMistakes)
                / right, 100.0 * flagged / outcomes.size(), outcomes.size());
    }
}
