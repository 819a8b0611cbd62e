package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.classify.LabelledText;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Staff corrections of the category: stored as training data, and fed to the classifier by a retrain (on demand,
 * at start-up when there are some, and optionally after every {@code helpdesk.classifier.retrain-every} new ones).
 */
@Singleton
public class Corrections {

    private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);

    private final CategoryCorrections stored;
    private final CurrentClassifier classifier;
    private final int retrainEvery;
    private final AtomicLong sinceRetrain = new AtomicLong();

    public Corrections(CategoryCorrections stored, CurrentClassifier classifier,
                       @Value("${helpdesk.classifier.retrain-every:0}") int retrainEvery) {
        this.stored = stored;
        this.classifier = classifier;
        this.retrainEvery = retrainEvery;
    }

    /**
     * Stores one correction inside the caller's transaction (the same one that changes the category): the repository
     * joins it, and refuses to run outside one.
     */
    public void record(long ticketId, String text, Category predicted, Category corrected, String actor) {
        stored.save(CategoryCorrection.of(ticketId, text, predicted, corrected, actor));
    }

    /** Called after a correction committed: retrains when the configured number of new ones is reached. */
    public void committed() {
        if (retrainEvery > 0 && sinceRetrain.incrementAndGet() >= retrainEvery) {
            sinceRetrain.set(0);
            retrainInBackground();
        }
    }

    /** Retrains with every stored correction and puts the new model in use. */
    public CurrentClassifier.Model retrain() {
        List<LabelledText> examples = stored.listOrderById().stream()
                .map(c -> new LabelledText(c.corrected(), c.text())).toList();
        CurrentClassifier.Model model = classifier.retrainWith(examples);
        LOG.info("Classifier retrained with {} staff corrections", examples.size());
        return model;
    }

    /** A restarted service keeps what staff taught it. */
    @EventListener
    void onStartup(StartupEvent event) {
        // In the background: start-up must stay fast, and the shipped model serves meanwhile.
        Thread.ofVirtual().name("classifier-startup-retrain").start(() -> {
            try {
                classifier.model(); // trains the shipped model now rather than on the first request
                if (stored.count() > 0) {
                    retrain();
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not retrain the classifier with stored corrections at start-up", e);
            }
        });
    }

    private void retrainInBackground() {
        Thread.ofVirtual().name("classifier-retrain").start(() -> {
            try {
                retrain();
            } catch (RuntimeException e) {
                LOG.warn("Automatic retrain failed", e);
            }
        });
    }
}
