package campus.helpdesk.classify;

import campus.helpdesk.classify.TextFeatures.SparseVector;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Multinomial logistic regression trained by plain stochastic gradient descent with L2 regularisation. Chosen over
 * naive Bayes by k-fold cross-validation on the corpus (the classifier lab's {@code Evaluate --cv}). Deterministic:
 * the example order comes from a fixed seed and float arithmetic in Java is reproducible.
 */
final class SoftmaxRegression implements LinearModel {

    /** Tuned by cross-validation on the corpus; the figures are in the module README. */
    static final int EPOCHS = 40;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-6;
    private static final long SEED = 20261123L;

    /** The product's learner. */
    static final Learner LEARNER = (x, y, weight) -> train(x, y, weight, TrainedClassifier.CLASSES);

    private final float[][] weights;
    private final float[] bias;

    private SoftmaxRegression(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** Trains on vectors {@code x} with class ids {@code y} and per-example weights (staff corrections count more). */
    static SoftmaxRegression train(List<SparseVector> x, int[] y, double[] exampleWeight, int classes) {
        float[][] w = new float[classes][TextFeatures.DIMENSIONS];
        float[] b = new float[classes];
        int[] order = new int[x.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        double[] p = new double[classes];
        long step = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            for (int i : order) {
                // Decaying rate: big steps early, then settle, so the result does not depend on the last few examples.
                double rate = LEARNING_RATE / (1 + step++ * LEARNING_RATE * L2 * 50);
                SparseVector v = x.get(i);
                probabilities(w, b, v, p);
                for (int c = 0; c < classes; c++) {
                    double g = ((c == y[i] ? 1 : 0) - p[c]) * exampleWeight[i];
                    float[] wc = w[c];
                    for (int k = 0; k < v.index().length; k++) {
                        int f = v.index()[k];
                        // L2 only on the features this example touches: the usual sparse approximation.
                        wc[f] += (float) (rate * (g * v.value()[k] - L2 * wc[f]));
                    }
                    b[c] += (float) (rate * g);
                }
            }
        }
        return new SoftmaxRegression(w, b);
    }

    /** Everything training depends on besides the examples and the code (the temperature is applied after it). */
    static String settings() {
        return "epochs=" + EPOCHS + " rate=" + LEARNING_RATE + " l2=" + L2 + " seed=" + SEED
                + " dimensions=" + TextFeatures.DIMENSIONS;
    }

    /** The weights as {@link #read} takes them: sizes, then every weight and bias as a float, big-endian. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(weights.length);
        out.writeInt(weights[0].length);
        ByteBuffer row = ByteBuffer.allocate(weights[0].length * Float.BYTES);
        for (float[] w : weights) {
            row.clear();
            row.asFloatBuffer().put(w);
            out.write(row.array());
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
    }

    /** A model written by {@link #write}, or empty if its sizes are not this build's. */
    static Optional<SoftmaxRegression> read(ByteBuffer in, int classes) {
        if (in.getInt() != classes || in.getInt() != TextFeatures.DIMENSIONS) {
            return Optional.empty();
        }
        float[][] w = new float[classes][TextFeatures.DIMENSIONS];
        for (float[] row : w) {
            in.asFloatBuffer().get(row);
            in.position(in.position() + row.length * Float.BYTES);
        }
        float[] b = new float[classes];
        for (int c = 0; c < classes; c++) {
            b[c] = in.getFloat();
        }
        return in.hasRemaining() ? Optional.empty() : Optional.of(new SoftmaxRegression(w, b));
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void probabilities(float[][] w, float[] b, SparseVector v, double[] out) {
        for (int c = 0; c < out.length; c++) {
            out[c] = dot(w[c], v) + b[c];
        }
        LinearModel.softmax(out, 1.0);
    }

    private static double dot(float[] w, SparseVector v) {
        double s = 0;
        for (int k = 0; k < v.index().length; k++) {
            s += w[v.index()[k]] * v.value()[k];
        }
        return s;
    }

    @Override
    public double[] logits(SparseVector v) {
        double[] out = new double[bias.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = dot(weights[c], v) + bias[c];
        }
        return out;
    }
}
