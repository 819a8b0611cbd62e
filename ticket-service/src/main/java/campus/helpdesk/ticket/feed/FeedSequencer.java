package campus.helpdesk.ticket.feed;

import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.history.CommitListener;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives committed events their place in the feed. A statement sees only committed rows, so stamping the events
 * that have no position yet, in one transaction at a time across all replicas (an advisory lock), gives every
 * event a position greater than any position visible before it: readers following "position > cursor" can never
 * skip one, and an unrelated transaction held open anywhere delays nothing (its rows are invisible until it
 * commits, and then get the next positions).
 *
 * <p>Events of one ticket are written one after the other (writers hold the ticket's lock until they commit), so
 * ordering a batch by id keeps each ticket's events in their order. Woken by this replica's writers right after
 * their commit, and every {@link #SWEEP_MS} otherwise, for events written elsewhere (other replicas, bulk loads).
 *
 * <p>The lock and the stamp are written by hand, like {@link ChangeFeed}'s read: together they are the feed's order
 * guarantee, and whoever checks that guarantee should read the exact SQL next to the reasoning.
 */
@Context
public class FeedSequencer implements CommitListener {

    static final long SWEEP_MS = 50;
    static final int BATCH = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(FeedSequencer.class);
    /** The two-key form: a key space of its own, apart from the tickets' one-key locks. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(20261201, 1)";
    private static final String STAMP = """
            WITH batch AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n FROM ticket_event
                WHERE position IS NULL ORDER BY id LIMIT ?)
            UPDATE ticket_event e
            SET position = (SELECT coalesce(max(position), 0) FROM ticket_event) + batch.n
            FROM batch WHERE e.id = batch.id""";

    private final Database db;
    private final FeedNotifier notifier;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final Thread thread;
    private final boolean enabled;
    private volatile boolean running = true;
    private boolean pending;
    /** Every event committed before this instant has a position (the start of the last sweep that finished). */
    private volatile Instant completeAsOf;

    public FeedSequencer(Database db, FeedNotifier notifier,
                         @Value("${helpdesk.feed.sequencer.enabled:true}") boolean enabled) {
        this.db = db;
        this.notifier = notifier;
        this.enabled = enabled;
        this.thread = Thread.ofPlatform().daemon().name("feed-sequencer").unstarted(this::run);
        if (enabled) {
            thread.start();
        }
    }

    /** Called by writers (through the event log) right after their transaction with events committed. */
    @Override
    public void committed() {
        lock.lock();
        try {
            pending = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Null until the first sweep finished. */
    public Instant completeAsOf() {
        return completeAsOf;
    }

    /** One sweep: stamps every committed event that has no position yet; the number stamped. */
    public int sweep() throws SQLException {
        Instant started = Instant.now();
        int total = 0;
        int stamped;
        do {
            stamped = db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    // Another replica's sweep holds the lock for milliseconds; never wait on it for ever.
                    s.execute("SET LOCAL lock_timeout = '2s'");
                    s.execute(LOCK);
                }
                try (PreparedStatement ps = c.prepareStatement(STAMP)) {
                    ps.setInt(1, BATCH);
                    return ps.executeUpdate();
                }
            });
            total += stamped;
            if (stamped > 0) {
                notifier.published();
            }
        } while (stamped == BATCH);
        completeAsOf = started;
        return total;
    }

    private void run() {
        long backoff = SWEEP_MS;
        while (running) {
            try {
                awaitWork();
                sweep();
                backoff = SWEEP_MS;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("The feed sequencer could not stamp events ({}); retrying in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                wakeUp.await(SWEEP_MS, TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }

    boolean isEnabled() {
        return enabled;
    }
}
