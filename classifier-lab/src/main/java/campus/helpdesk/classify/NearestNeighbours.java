package campus.helpdesk.classify;

/**
 * k nearest training texts by cosine of their sentence embeddings (unit length, so the dot product), each voting
 * for its category with its similarity. The scores are smoothed log shares, so no category is ever impossible.
 */
final class NearestNeighbours {

    static final int K = 10;

    private final float[][] x;
    private final int[] y;
    private final int classes;

    NearestNeighbours(float[][] x, int[] y, int classes) {
        this.x = x;
        this.y = y;
        this.classes = classes;
    }

    double[] logits(float[] v) {
        double[] bestSim = new double[K];
        int[] bestIdx = new int[K];
        java.util.Arrays.fill(bestSim, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += x[i][j] * v[j];
            }
            if (s > bestSim[K - 1]) {
                int at = K - 1;
                while (at > 0 && bestSim[at - 1] < s) {
                    bestSim[at] = bestSim[at - 1];
                    bestIdx[at] = bestIdx[at - 1];
                    at--;
                }
                bestSim[at] = s;
                bestIdx[at] = i;
            }
        }
        double[] vote = new double[classes];
        double total = 0;
        for (int n = 0; n < K; n++) {
            double weight = Math.max(0, bestSim[n]);
            vote[y[bestIdx[n]]] += weight;
            total += weight;
        }
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = Math.log((vote[c] + 0.1) / (total + 0.1 * classes));
        }
        return out;
    }
}
