package campus.helpdesk.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold cross-validation of a learner on a list of examples. Keeps every item's out-of-fold raw
 * scores, from which the softmax temperature is fitted and the review threshold chosen.
 */
final class CrossValidation {

    private static final long SEED = 7L;

    /** Every example with the scores of the model that did not see it during training. */
    record OutOfFold(List<LabelledText> items, List<double[]> logits) {
    }

    private CrossValidation() {
    }

    static OutOfFold run(List<LabelledText> examples, int k, ModelKind kind) {
        return run(examples, assignFolds(examples, k), k, kind);
    }

    /** With folds chosen by the caller (whole paraphrase groups: {@link ParaphraseGroups}). */
    static OutOfFold run(List<LabelledText> examples, int[] fold, int k, ModelKind kind) {
        double[][] logits = new double[examples.size()][];
        for (int f = 0; f < k; f++) {
            List<LabelledText> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    train.add(examples.get(i));
                }
            }
            TrainedClassifier model = TrainedClassifier.train(kind, train, 1.0);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    logits[i] = model.logits(examples.get(i).text());
                }
            }
        }
        return new OutOfFold(examples, List.of(logits));
    }

    /** Deals each category's examples, in a seeded random order, round-robin over the folds. */
    static int[] assignFolds(List<LabelledText> examples, int k) {
        int[] fold = new int[examples.size()];
        Random random = new Random(SEED);
        int[] next = new int[ModelKind.CLASSES];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int i : order) {
            int c = examples.get(i).category().ordinal();
            fold[i] = next[c]++ % k;
        }
        return fold;
    }

    /** The temperature that minimises the log-loss of the out-of-fold predictions (grid search, 0.05 steps). */
    static double fitTemperature(OutOfFold oof) {
        double best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (int step = 2; step <= 100; step++) {
            double t = step * 0.05;
            double loss = logLoss(oof, t);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    static double logLoss(OutOfFold oof, double temperature) {
        double loss = 0;
        for (int i = 0; i < oof.items().size(); i++) {
            double[] p = oof.logits().get(i).clone();
            LinearModel.softmax(p, temperature);
            loss -= Math.log(Math.max(1e-12, p[oof.items().get(i).category().ordinal()]));
        }
        return loss / oof.items().size();
    }
}
