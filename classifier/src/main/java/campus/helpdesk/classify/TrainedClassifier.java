package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Classification;
import campus.helpdesk.classify.TextFeatures.SparseVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TicketClassifier} learnt from labelled texts: hashed n-gram features, a linear model, and a softmax with a
 * temperature fitted by cross-validation so that "confidence 0.8" means right about 80 % of the time. Immutable.
 */
final class TrainedClassifier implements TicketClassifier {

    /**
     * Softmax temperature, fitted on out-of-fold scores of 10-fold cross-validation of the corpus (lowest
     * log-loss; the classifier lab's {@code Evaluate --cv 10} prints the fit). Below 1 it sharpens the scores: the
     * L2-regularised fit is less sure than its out-of-fold answers turn out to be right.
     */
    static final double TEMPERATURE = 0.70;

    /**
     * A staff correction counts as this many corpus examples: it is a verified label from the desk's real traffic,
     * and one example among a thousand would otherwise barely move the model.
     */
    static final double CORRECTION_WEIGHT = 3.0;

    /**
     * The highest confidence ever reported. The softmax of a linear model reaches 0.9999 on texts full of familiar
     * words, yet in cross-validation the most confident tickets were still wrong now and then (README, "Confidence"):
     * claiming certainty would be a lie, and "100 %" reads as one. The excess goes to the other categories in
     * proportion, so the scores still sum to 1 and nothing below the ceiling changes.
     */
    static final double MAX_CONFIDENCE = 0.99;

    /** Enough for any real ticket; keeps a pasted log file from costing more than a millisecond. */
    static final int MAX_CHARS = 10_000;

    private static final Category[] CATEGORIES = Category.values();
    static final int CLASSES = CATEGORIES.length;

    private final Learner learner;
    private final List<LabelledText> corpus;
    private final List<LabelledText> corrections;
    private final LinearModel model;
    private final double temperature;
    private final Vocabulary vocabulary;

    private TrainedClassifier(Learner learner, List<LabelledText> corpus, List<LabelledText> corrections,
                              double temperature) {
        this(learner, corpus, corrections, temperature, train(learner, corpus, corrections));
    }

    private TrainedClassifier(Learner learner, List<LabelledText> corpus, List<LabelledText> corrections,
                              double temperature, LinearModel model) {
        this.learner = learner;
        this.corpus = List.copyOf(corpus);
        this.corrections = List.copyOf(corrections);
        this.temperature = temperature;
        this.model = model;
        this.vocabulary = Vocabulary.of(this.corpus, this.corrections);
    }

    static TrainedClassifier train(List<LabelledText> corpus) {
        return new TrainedClassifier(SoftmaxRegression.LEARNER, corpus, List.of(), TEMPERATURE);
    }

    /**
     * The product's classifier for this corpus: the model the build trained on it ({@link ShippedModel}), or, when the
     * jar holds none for exactly this corpus, one trained now. Either is the same model: training is deterministic.
     */
    static TrainedClassifier shipped(List<LabelledText> corpus) {
        return ShippedModel.read(corpus)
                .map(model -> new TrainedClassifier(SoftmaxRegression.LEARNER, corpus, List.of(), TEMPERATURE, model))
                .orElseGet(() -> train(corpus));
    }

    /** Another learner at its own temperature: how the classifier lab compares alternatives with the product's. */
    static TrainedClassifier train(Learner learner, List<LabelledText> corpus, double temperature) {
        return new TrainedClassifier(learner, corpus, List.of(), temperature);
    }

    private static LinearModel train(Learner learner, List<LabelledText> corpus, List<LabelledText> corrections) {
        List<SparseVector> x = new ArrayList<>(corpus.size() + corrections.size());
        int n = corpus.size() + corrections.size();
        int[] y = new int[n];
        double[] weight = new double[n];
        int i = 0;
        for (LabelledText t : corpus) {
            x.add(TextFeatures.of(t.text()));
            y[i] = t.category().ordinal();
            weight[i++] = 1.0;
        }
        for (LabelledText t : corrections) {
            x.add(TextFeatures.of(t.text()));
            y[i] = t.category().ordinal();
            weight[i++] = CORRECTION_WEIGHT;
        }
        return learner.train(x, y, weight);
    }

    /** The raw scores, before the softmax: cross-validation uses them to fit the temperature. */
    double[] logits(String text) {
        return model.logits(TextFeatures.of(text));
    }

    @Override
    public Classification classify(String text) {
        String t = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        double[] p;
        if (vocabulary.evidenceIn(t) > 0) {
            p = logits(t);
            LinearModel.softmax(p, temperature);
            capTheBest(p);
        } else {
            // No word the model has seen that tells categories apart ("AAAA", "asdf", an empty title, "a", "the"):
            // the scores would only echo letter patterns or words every category uses. What is known then is how
            // common each category is, which stays below Certainty.NOT_SURE_BELOW with three categories, so the
            // desk checks instead of the model guessing.
            p = vocabulary.categoryShares();
        }
        int best = 0;
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        for (int c = 0; c < p.length; c++) {
            scores.put(CATEGORIES[c], p[c]);
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new Classification(CATEGORIES[best], p[best], Collections.unmodifiableMap(scores),
                TicketClassifier.needsReview(p[best]), SafetyWords.suggest(t));
    }

    /** In place: the best score down to {@link #MAX_CONFIDENCE}, the excess shared by the others in proportion. */
    static void capTheBest(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        double excess = p[best] - MAX_CONFIDENCE;
        if (excess <= 0) {
            return;
        }
        double rest = 1 - p[best];
        for (int c = 0; c < p.length; c++) {
            if (c != best) {
                p[c] += rest > 0 ? excess * p[c] / rest : excess / (p.length - 1);
            }
        }
        p[best] = MAX_CONFIDENCE;
    }

    @Override
    public TicketClassifier retrainedWith(List<LabelledText> extraExamples) {
        // Always from the shipped corpus plus the full list given: retraining twice never double-counts.
        return new TrainedClassifier(learner, corpus, extraExamples, temperature);
    }

    LinearModel model() {
        return model;
    }

    List<LabelledText> corpus() {
        return corpus;
    }

    List<LabelledText> corrections() {
        return corrections;
    }
}
