package campus.helpdesk.classify;

import campus.helpdesk.classify.TextFeatures.SparseVector;

import java.util.List;

/**
 * The learners compared by {@code Evaluate --cv K --model lr|nb|ens|lr-it}. The product uses
 * {@link #LOGISTIC_REGRESSION}: see the classifier's README for the figures and why.
 */
enum ModelKind implements Learner {
    LOGISTIC_REGRESSION(TrainedClassifier.TEMPERATURE) {
        @Override
        public LinearModel train(List<SparseVector> x, int[] y, double[] weight) {
            return SoftmaxRegression.LEARNER.train(x, y, weight);
        }
    },
    /**
     * Logistic regression with IT's examples counting {@link #IT_WEIGHT} times: IT is the class with most mistakes on
     * unseen text (issue 16), so the question is whether leaning towards it buys more than it costs.
     */
    IT_WEIGHTED(TrainedClassifier.TEMPERATURE) {
        @Override
        public LinearModel train(List<SparseVector> x, int[] y, double[] weight) {
            double[] w = weight.clone();
            for (int i = 0; i < w.length; i++) {
                if (y[i] == campus.helpdesk.api.Category.IT.ordinal()) {
                    w[i] *= IT_WEIGHT;
                }
            }
            return SoftmaxRegression.LEARNER.train(x, y, w);
        }
    },
    NAIVE_BAYES(0.35) {
        @Override
        public LinearModel train(List<SparseVector> x, int[] y, double[] weight) {
            return NaiveBayes.train(x, y, weight, CLASSES);
        }
    },
    /** Mean of the two members' log-probabilities. */
    ENSEMBLE(0.95) {
        @Override
        public LinearModel train(List<SparseVector> x, int[] y, double[] weight) {
            LinearModel lr = SoftmaxRegression.LEARNER.train(x, y, weight);
            LinearModel nb = NaiveBayes.train(x, y, weight, CLASSES);
            return v -> {
                double[] a = lr.logits(v);
                double[] b = nb.logits(v);
                LinearModel.softmax(a, ENSEMBLE_LR_TEMPERATURE);
                LinearModel.softmax(b, ENSEMBLE_NB_TEMPERATURE);
                double[] out = new double[a.length];
                for (int c = 0; c < a.length; c++) {
                    out[c] = (Math.log(a[c]) + Math.log(b[c])) / 2;
                }
                return out;
            };
        }
    };

    static final int CLASSES = TrainedClassifier.CLASSES;

    static final double IT_WEIGHT = 1.3;

    /** Each member's own temperature from 10-fold cross-validation, so the two vote on a comparable scale. */
    private static final double ENSEMBLE_LR_TEMPERATURE = 0.6;
    private static final double ENSEMBLE_NB_TEMPERATURE = 0.35;

    /** The softmax temperature fitted for this learner by 10-fold cross-validation of the corpus. */
    final double temperature;

    ModelKind(double temperature) {
        this.temperature = temperature;
    }
}
