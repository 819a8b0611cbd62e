package campus.helpdesk.classify;

import campus.helpdesk.classify.TextFeatures.SparseVector;

import java.util.List;

/** The learners compared by cross-validation; {@link #LOGISTIC_REGRESSION} won and is what the product uses. */
enum ModelKind {
    LOGISTIC_REGRESSION {
        @Override
        LinearModel train(List<SparseVector> x, int[] y, double[] weight) {
            return SoftmaxRegression.train(x, y, weight, CLASSES);
        }
    },
    NAIVE_BAYES {
        @Override
        LinearModel train(List<SparseVector> x, int[] y, double[] weight) {
            return NaiveBayes.train(x, y, weight, CLASSES);
        }
    };

    static final int CLASSES = campus.helpdesk.api.Category.values().length;

    abstract LinearModel train(List<SparseVector> x, int[] y, double[] weight);
}
