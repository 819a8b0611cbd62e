package campus.helpdesk.classify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well confidence matches accuracy: reliability bins, expected calibration error, and what each candidate
 * review threshold would flag. Printed by {@link Evaluate} for any labelled set.
 */
final class Calibration {

    /** One prediction: its confidence and whether it was right. */
    record Outcome(double confidence, boolean correct) {
    }

    private static final double[] BIN_EDGES = {0.34, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 1.0001};
    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};

    private Calibration() {
    }

    /** One reliability bin: the outcomes with a confidence in [low, high). */
    private record Bin(double low, double high, int n, double meanConfidence, double accuracy) {
    }

    /** The non-empty bins, lowest first: what the error and the printout both read. */
    private static List<Bin> bins(List<Outcome> outcomes) {
        List<Bin> bins = new ArrayList<>();
        double low = 0;
        for (double high : BIN_EDGES) {
            int n = 0;
            int right = 0;
            double conf = 0;
            for (Outcome o : outcomes) {
                if (o.confidence() >= low && o.confidence() < high) {
                    n++;
                    conf += o.confidence();
                    right += o.correct() ? 1 : 0;
                }
            }
            if (n > 0) {
                bins.add(new Bin(low, high, n, conf / n, (double) right / n));
            }
            low = high;
        }
        return bins;
    }

    /** Expected calibration error over the same bins as {@link #print}. */
    static double error(List<Outcome> outcomes) {
        return bins(outcomes).stream()
                .mapToDouble(b -> Math.abs(b.meanConfidence() - b.accuracy()) * b.n() / outcomes.size()).sum();
    }

    static void print(List<Outcome> outcomes, PrintStream out) {
        out.println("calibration (confidence bin: items, mean confidence, accuracy)");
        for (Bin b : bins(outcomes)) {
            out.printf(Locale.ROOT, "  [%.3f, %.3f)  %5d  %.3f  %.3f%n", b.low(), Math.min(b.high(), 1), b.n(),
                    b.meanConfidence(), b.accuracy());
        }
        out.printf(Locale.ROOT, "  expected calibration error %.3f%n", error(outcomes));
        out.println("review threshold: flagged items, mistakes caught, right answers flagged, accuracy of the unflagged");
        int mistakes = (int) outcomes.stream().filter(o -> !o.correct()).count();
        for (double t : THRESHOLDS) {
            int flagged = 0;
            int caught = 0;
            int keptRight = 0;
            for (Outcome o : outcomes) {
                if (o.confidence() < t) {
                    flagged++;
                    caught += o.correct() ? 0 : 1;
                } else if (o.correct()) {
                    keptRight++;
                }
            }
            int kept = outcomes.size() - flagged;
            int right = outcomes.size() - mistakes;
            out.printf(Locale.ROOT, "  %.2f  %5.1f %%  %d/%d  %5.1f %%  %.1f %%%n", t, 100.0 * flagged / outcomes.size(),
                    caught, mistakes, right == 0 ? 0 : 100.0 * (flagged - caught) / right,
                    kept == 0 ? 0 : 100.0 * keptRight / kept);
        }
    }
}
