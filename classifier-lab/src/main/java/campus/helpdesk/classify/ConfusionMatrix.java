package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

import java.io.PrintStream;
import java.util.Locale;

/** Counts of (true category, predicted category), and the figures derived from them. */
final class ConfusionMatrix {

    private static final Category[] CATEGORIES = Category.values();

    private final int[][] counts = new int[CATEGORIES.length][CATEGORIES.length];

    void add(Category truth, Category predicted) {
        counts[truth.ordinal()][predicted.ordinal()]++;
    }

    void addAll(ConfusionMatrix other) {
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                counts[t][p] += other.counts[t][p];
            }
        }
    }

    int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    double accuracy() {
        int right = 0;
        for (int c = 0; c < counts.length; c++) {
            right += counts[c][c];
        }
        return total() == 0 ? 0 : (double) right / total();
    }

    double precision(Category c) {
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[c.ordinal()];
        }
        return predicted == 0 ? 0 : (double) counts[c.ordinal()][c.ordinal()] / predicted;
    }

    double recall(Category c) {
        int actual = 0;
        for (int v : counts[c.ordinal()]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) counts[c.ordinal()][c.ordinal()] / actual;
    }

    double f1(Category c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "accuracy  %.1f %% (%d items)%n%n", 100 * accuracy(), total());
        out.printf(Locale.ROOT, "%-10s %9s %7s %6s%n", "category", "precision", "recall", "F1");
        for (Category c : CATEGORIES) {
            out.printf(Locale.ROOT, "%-10s %9.3f %7.3f %6.3f%n", c, precision(c), recall(c), f1(c));
        }
        out.printf(Locale.ROOT, "%nconfusion matrix (rows: true category, columns: predicted)%n%-10s", "");
        for (Category c : CATEGORIES) {
            out.printf(Locale.ROOT, " %9s", c);
        }
        out.println();
        for (Category t : CATEGORIES) {
            out.printf(Locale.ROOT, "%-10s", t);
            for (Category p : CATEGORIES) {
                out.printf(Locale.ROOT, " %9d", counts[t.ordinal()][p.ordinal()]);
            }
            out.println();
        }
    }
}
