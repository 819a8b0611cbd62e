package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.classify.LabelledText;
import campus.helpdesk.ticket.db.Database;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Staff corrections of the category: stored as training data, and fed to the classifier by a retrain (on demand,
 * at start-up when there are some, and optionally after every {@code helpdesk.classifier.retrain-every} new ones).
 */
@Singleton
public class Corrections {

    private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);

    private final Database db;
    private final CurrentClassifier classifier;
    private final int retrainEvery;
    private final AtomicLong sinceRetrain = new AtomicLong();

    public Corrections(Database db, CurrentClassifier classifier,
                       @Value("${helpdesk.classifier.retrain-every:0}") int retrainEvery) {
        this.db = db;
        this.classifier = classifier;
        this.retrainEvery = retrainEvery;
    }

    /** Stores one correction inside the caller's transaction (the same one that changes the category). */
    public void record(Connection connection, long ticketId, String text, Category predicted, Category corrected,
                       String actor) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO category_correction (ticket_id, text, predicted, corrected, actor)
                VALUES (?, ?, ?::ticket_category, ?::ticket_category, ?)""")) {
            ps.setLong(1, ticketId);
            ps.setString(2, text);
            ps.setString(3, predicted.name());
            ps.setString(4, corrected.name());
            ps.setString(5, actor);
            ps.executeUpdate();
        }
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
        List<LabelledText> examples = db.autoCommit(Corrections::all);
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
                if (db.autoCommit(Corrections::count) > 0) {
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

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM category_correction");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<LabelledText> all(Connection connection) throws SQLException {
        List<LabelledText> examples = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT corrected, text FROM category_correction ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                examples.add(new LabelledText(Category.valueOf(rs.getString(1)), rs.getString(2)));
            }
        }
        return examples;
    }
}
