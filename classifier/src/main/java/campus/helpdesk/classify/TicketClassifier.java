package campus.helpdesk.classify;

import campus.helpdesk.api.Classification;

import java.util.List;

/**
 * Puts a ticket's text in a category. Implementations are immutable and deterministic: retraining returns a new
 * classifier, so a request in flight keeps the model it started with.
 */
public interface TicketClassifier {

    /**
     * Below this confidence a ticket is flagged for review. On the independent development set it flags about one
     * ticket in eleven and catches five of the eight mistakes (cross-validation: 15 %, two thirds); 0.7 would flag
     * half as many but catch only two of eight. Figures in the module README (the classifier lab's {@code Evaluate} prints them).
     */
    double REVIEW_THRESHOLD = 0.8;

    /**
     * Whether a person should check a category given with this confidence: the one review rule, which ticket-service
     * and demo-data apply through the ticket lifecycle as the classifier applies it to its own answers.
     */
    static boolean needsReview(double confidence) {
        return confidence < REVIEW_THRESHOLD;
    }

    Classification classify(String text);

    /** A classifier trained on the shipped corpus plus these examples (staff corrections). */
    TicketClassifier retrainedWith(List<LabelledText> extraExamples);
}
