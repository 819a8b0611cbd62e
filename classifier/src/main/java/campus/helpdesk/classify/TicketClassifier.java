package campus.helpdesk.classify;

import campus.helpdesk.api.Classification;

import java.util.List;

/**
 * Puts a ticket's text in a category. Implementations are immutable and deterministic: retraining returns a new
 * classifier, so a request in flight keeps the model it started with.
 */
public interface TicketClassifier {

    Classification classify(String text);

    /** A classifier trained on the shipped corpus plus these examples (staff corrections). */
    TicketClassifier retrainedWith(List<LabelledText> extraExamples);
}
