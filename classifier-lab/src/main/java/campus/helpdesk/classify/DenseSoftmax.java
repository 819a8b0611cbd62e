package campus.helpdesk.classify;

import java.util.Random;

/**
 * Multinomial logistic regression on dense vectors (a sentence embedding), for the embedding experiment. The inputs
 * are standardised per dimension with the training set's mean and spread: an embedding's 384 components are small
 * and of unequal scale, and plain SGD on them would need a learning rate per dimension.
 */
final class DenseSoftmax {

    private static final int EPOCHS = 60;
    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 1e-3;
    private static final long SEED = 20261202L;

    private final double[][] weights;
    private final double[] bias;
    private final double[] mean;
    private final double[] scale;

    private DenseSoftmax(double[][] weights, double[] bias, double[] mean, double[] scale) {
        this.weights = weights;
        this.bias = bias;
        this.mean = mean;
        this.scale = scale;
    }

    static DenseSoftmax train(float[][] x, int[] y, int classes) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] v : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / (double) x.length;
            }
        }
        for (float[] v : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (v[j] - mean[j]) * (v[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = 1 / Math.sqrt(scale[j] + 1e-12);
        }
        double[][] z = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) * scale[j];
            }
        }
        double[][] w = new double[classes][d];
        double[] b = new double[classes];
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        double[] p = new double[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double rate = LEARNING_RATE / (1 + epoch * 0.1);
            for (int i : order) {
                scores(w, b, z[i], p);
                LinearModel.softmax(p, 1.0);
                for (int c = 0; c < classes; c++) {
                    double g = (c == y[i] ? 1 : 0) - p[c];
                    for (int j = 0; j < d; j++) {
                        w[c][j] += rate * (g * z[i][j] - L2 * w[c][j]);
                    }
                    b[c] += rate * g;
                }
            }
        }
        return new DenseSoftmax(w, b, mean, scale);
    }

    private static void scores(double[][] w, double[] b, double[] z, double[] out) {
        for (int c = 0; c < out.length; c++) {
            double s = b[c];
            for (int j = 0; j < z.length; j++) {
                s += w[c][j] * z[j];
            }
            out[c] = s;
        }
    }

    double[] logits(float[] v) {
        double[] z = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = (v[j] - mean[j]) * scale[j];
        }
        double[] out = new double[bias.length];
        scores(weights, bias, z, out);
        return out;
    }
}
