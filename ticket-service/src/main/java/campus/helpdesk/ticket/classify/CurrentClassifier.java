package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Classification;
import campus.helpdesk.classify.LabelledText;
import campus.helpdesk.classify.TicketClassifier;
import campus.helpdesk.classify.TicketClassifiers;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classifier in use. Retraining builds a new immutable model and swaps it in atomically, so requests in flight
 * keep the model they started with and never see a half-trained one. The shipped model (trained by the build) is
 * loaded on first use, warmed up in the background at start-up, so neither it nor a retrain delays the server's start.
 */
@Singleton
public class CurrentClassifier {

    private final AtomicReference<Model> current = new AtomicReference<>();

    public record Model(TicketClassifier classifier, int corrections, Instant trainedAt) {

        /** The model as shipped: trained on the corpus alone, no staff correction yet. */
        public boolean shipped() {
            return corrections == 0;
        }
    }

    public Classification classify(String text) {
        return model().classifier().classify(text);
    }

    /** Retrains the shipped model with these corrections and puts it in use. */
    public Model retrainWith(List<LabelledText> corrections) {
        return use(candidate(corrections));
    }

    /** The shipped model retrained with these corrections, not yet in use: a retrain is judged before it serves. */
    Model candidate(List<LabelledText> corrections) {
        return new Model(TicketClassifiers.standard().retrainedWith(corrections), corrections.size(), Instant.now());
    }

    Model use(Model model) {
        current.set(model);
        return model;
    }

    public Model model() {
        Model model = current.get();
        if (model == null) {
            // standard() loads once per JVM and is thread-safe; losing this race only means one redundant set.
            current.compareAndSet(null, new Model(TicketClassifiers.standard(), 0, Instant.now()));
            model = current.get();
        }
        return model;
    }
}
