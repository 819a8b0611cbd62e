package campus.helpdesk.classify;

import campus.helpdesk.classify.TextFeatures.SparseVector;

import java.util.List;

/**
 * How a {@link LinearModel} is learnt from feature vectors, their category ids and per-example weights. The product
 * learns by {@link SoftmaxRegression#LEARNER}; the classifier lab plugs its alternatives in here, so they are
 * trained and scored exactly like the shipped model.
 */
@FunctionalInterface
interface Learner {

    LinearModel train(List<SparseVector> x, int[] y, double[] weight);
}
