package campus.helpdesk.classify;

/** The class a model answers: the index of its highest score (the first of equal ones). */
final class Best {

    private Best() {
    }

    static int of(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }
}
