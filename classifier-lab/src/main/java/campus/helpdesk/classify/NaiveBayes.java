package campus.helpdesk.classify;

import campus.helpdesk.classify.TextFeatures.SparseVector;

import java.util.List;

/**
 * Complement naive Bayes (Rennie et al. 2003) over the same features. Kept as the measured alternative that
 * {@code Evaluate --cv} compares against logistic regression; the product uses whichever wins there.
 */
final class NaiveBayes implements LinearModel {

    private static final double ALPHA = 0.3;

    private final float[][] weights;

    private NaiveBayes(float[][] weights) {
        this.weights = weights;
    }

    static NaiveBayes train(List<SparseVector> x, int[] y, double[] exampleWeight, int classes) {
        double[][] counts = new double[classes][TextFeatures.DIMENSIONS];
        double[] total = new double[classes];
        for (int i = 0; i < x.size(); i++) {
            SparseVector v = x.get(i);
            for (int k = 0; k < v.index().length; k++) {
                counts[y[i]][v.index()[k]] += v.value()[k] * exampleWeight[i];
                total[y[i]] += v.value()[k] * exampleWeight[i];
            }
        }
        double all = 0;
        for (double t : total) {
            all += t;
        }
        float[][] w = new float[classes][TextFeatures.DIMENSIONS];
        for (int c = 0; c < classes; c++) {
            double complementTotal = all - total[c] + ALPHA * TextFeatures.DIMENSIONS;
            for (int f = 0; f < TextFeatures.DIMENSIONS; f++) {
                double complement = ALPHA;
                for (int o = 0; o < classes; o++) {
                    if (o != c) {
                        complement += counts[o][f];
                    }
                }
                // Complement NB: a feature frequent in the OTHER classes speaks against c.
                w[c][f] = (float) -Math.log(complement / complementTotal);
            }
        }
        return new NaiveBayes(w);
    }

    @Override
    public double[] logits(SparseVector v) {
        double[] out = new double[weights.length];
        for (int c = 0; c < out.length; c++) {
            double s = 0;
            for (int k = 0; k < v.index().length; k++) {
                s += weights[c][v.index()[k]] * v.value()[k];
            }
            out[c] = s;
        }
        return out;
    }
}
