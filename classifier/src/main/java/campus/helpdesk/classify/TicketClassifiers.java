package campus.helpdesk.classify;

import java.util.List;

/** Where the rest of the system gets its classifier from. */
public final class TicketClassifiers {

    private TicketClassifiers() {
    }

    /**
     * The classifier of the corpus shipped in this module: its model as the build trained it, loaded on first use
     * (trained then if the jar holds none for this corpus), then shared (it is immutable and thread-safe).
     */
    public static TicketClassifier standard() {
        return Standard.INSTANCE;
    }

    /** A classifier trained on the given examples only, with the product's settings (tests, experiments). */
    public static TicketClassifier trainedOn(List<LabelledText> examples) {
        return TrainedClassifier.train(examples);
    }

    /** Lazy holder: the JVM loads it once, on first use, without locks on the hot path. */
    private static final class Standard {
        static final TicketClassifier INSTANCE = TrainedClassifier.shipped(Corpus.shipped());
    }
}
