package campus.helpdesk.classify;

import campus.helpdesk.classify.TextFeatures.SparseVector;

/** A trained model that gives one raw score (logit) per category; probabilities come from a tempered softmax. */
interface LinearModel {

    double[] logits(SparseVector v);

    /** In place: {@code scores} become probabilities of softmax(scores / temperature). */
    static void softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp((scores[c] - max) / temperature);
            sum += scores[c];
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= sum;
        }
    }
}
