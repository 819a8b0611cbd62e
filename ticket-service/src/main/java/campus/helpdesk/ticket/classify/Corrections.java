package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.classify.LabelledText;
import campus.helpdesk.support.problem.HelpdeskProblem;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Staff corrections of the category: stored as training data, and fed to the classifier by a retrain (on demand,
 * at start-up when there are some, and optionally after every {@code helpdesk.classifier.retrain-every} new ones).
 * A retrain is judged on the corrections it did not learn from ({@link HeldBack}) and replaces the model in use
 * only when it gets at least as many of them right: a few careless corrections cannot poison the model. A ticket
 * counts once, with its latest category ({@link #latestPerTicket}).
 */
@Singleton
public class Corrections {

    private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);

    private final CategoryCorrections stored;
    private final CurrentClassifier classifier;
    private final int retrainEvery;
    private final AtomicLong sinceRetrain = new AtomicLong();
    /** One retrain at a time, asked for or not. */
    private final ReentrantLock training = new ReentrantLock();

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
            retrainInBackground("classifier-retrain");
        }
    }

    /**
     * Staff's retrain: a candidate trained with the corrections not held back replaces the model in use only when
     * its accuracy on the held-back ones is not lower. Refused with 409 (both figures) when it is, 409 while another
     * retrain runs, 422 while too few corrections are stored to judge.
     */
    public Retrain retrain() {
        // A second retrain meanwhile would train the same thing again, each holding a request thread and both cores
        // for seconds while tickets wait: it is told at once instead.
        if (!training.tryLock()) {
            throw new HelpdeskProblem(HttpStatus.CONFLICT, "A retrain is already running",
                    "Another retrain is running now; its outcome shows in the classifier's figures when it ends, "
                            + "in a few seconds. Nothing else was started.", Map.of("running", true));
        }
        try {
            return judgedRetrain();
        } finally {
            training.unlock();
        }
    }

    private Retrain judgedRetrain() {
        HeldBack split = HeldBack.split(examples());
        if (!split.enoughToJudge()) {
            throw new HelpdeskProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Too few corrections to judge a retrain",
                    String.format(Locale.ROOT, "A retrain is judged on the staff corrections held back from "
                                    + "training (every fifth corrected ticket); that needs at least %d corrected "
                                    + "tickets, there are %d (a ticket corrected again counts once, with its latest "
                                    + "category).",
                            HeldBack.CORRECTIONS_NEEDED, split.judge().size() + split.train().size()),
                    Map.of("corrections", split.judge().size() + split.train().size(),
                            "needed", HeldBack.CORRECTIONS_NEEDED));
        }
        Retrain verdict = judge(split);
        if (!verdict.applied()) {
            throw new HelpdeskProblem(HttpStatus.CONFLICT, "Retrain refused", String.format(Locale.ROOT,
                    "Retrain refused: it would lower the accuracy on the %d held-back corrections from %s to %s. "
                            + "The model in use stays; check the latest category corrections.",
                    verdict.heldBack(), percent(verdict.before()), percent(verdict.after())),
                    Map.of("before", verdict.before(), "after", verdict.after(), "heldBack", verdict.heldBack(),
                            "used", verdict.used(), "applied", false));
        }
        return verdict;
    }

    /** What staff see: the stored corrections, the model in use and its accuracy on the held-back ones. */
    public ClassifierStatus status() {
        HeldBack split = HeldBack.split(examples());
        CurrentClassifier.Model model = classifier.model();
        Double accuracy = split.enoughToJudge() ? split.accuracyOf(model.classifier()) : null;
        return new ClassifierStatus(split.judge().size() + split.train().size(), model.shipped(),
                model.corrections(), model.trainedAt(), split.judge().size(), accuracy, HeldBack.CORRECTIONS_NEEDED);
    }

    private Retrain judge(HeldBack split) {
        double before = split.accuracyOf(classifier.model().classifier());
        CurrentClassifier.Model candidate = classifier.candidate(split.train());
        double after = split.accuracyOf(candidate.classifier());
        boolean applied = after >= before;
        CurrentClassifier.Model inUse = applied ? classifier.use(candidate) : classifier.model();
        LOG.info("Classifier retrain with {} corrections {}: held-back accuracy {} before, {} after", split.train().size(),
                applied ? "applied" : "refused", percent(before), percent(after));
        return new Retrain(before, after, split.judge().size(), split.train().size(), applied,
                split.judge().size() + split.train().size(), inUse.trainedAt());
    }

    /**
     * The retrains nobody asked for (start-up, every N corrections) pass the same judge; while too few corrections
     * are stored to judge, they learn from all of them, as they always did.
     */
    private void retrainUnasked() {
        training.lock();
        try {
            List<LabelledText> examples = examples();
            HeldBack split = HeldBack.split(examples);
            if (split.enoughToJudge()) {
                judge(split);
            } else {
                classifier.retrainWith(examples);
                LOG.info("Classifier retrained with {} staff corrections (too few to judge)", examples.size());
            }
        } finally {
            training.unlock();
        }
    }

    private List<LabelledText> examples() {
        return latestPerTicket(stored.listOrderById());
    }

    /**
     * One training example per corrected ticket: its latest correction's category and text, in the order the tickets
     * were first corrected. Staff who set a ticket back and forth taught the model one thing, what they settled on;
     * counted once per change, one ticket moved seven times filled both the training part and the held-back part
     * with contradicting labels of itself, and judged the retrain that learnt them.
     */
    static List<LabelledText> latestPerTicket(List<CategoryCorrection> byId) {
        Map<Long, CategoryCorrection> latest = new LinkedHashMap<>();
        for (CategoryCorrection correction : byId) {
            latest.put(correction.ticketId(), correction); // a later one replaces the value, not the place
        }
        return latest.values().stream().map(c -> new LabelledText(c.corrected(), c.text())).toList();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** A restarted service keeps what staff taught it. */
    @EventListener
    void onStartup(StartupEvent event) {
        // In the background: start-up must stay fast, and the shipped model serves meanwhile.
        Thread.ofVirtual().name("classifier-startup-retrain").start(() -> {
            try {
                classifier.model(); // loads the shipped model now rather than on the first request
                if (stored.count() > 0) {
                    retrainUnasked();
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not retrain the classifier with stored corrections at start-up", e);
            }
        });
    }

    private void retrainInBackground(String name) {
        Thread.ofVirtual().name(name).start(() -> {
            try {
                retrainUnasked();
            } catch (RuntimeException e) {
                LOG.warn("Automatic retrain failed", e);
            }
        });
    }
}
