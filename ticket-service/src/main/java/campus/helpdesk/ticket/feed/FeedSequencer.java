package campus.helpdesk.ticket.feed;

import campus.helpdesk.lifecycle.FeedPositions;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.history.CommitListener;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * their commit, and every {@link #SWEEP_MS} otherwise, for events written elsewhere (other replicas). A bulk load
 * writes its events with their positions under the same lock ({@link FeedPositions}), so it leaves nothing here.
 *
 * <p>Under load, a sweep that stamps events starts at least {@code min-interval} (20 ms by default) after the
 * last one that did. Each sweep is a transaction of its own (a lock, an UPDATE of the new events, a WAL flush at
 * commit): a sweep per commit doubled the transactions of a create. Commits that arrive during the pause are stamped
 * together by the next sweep. On a quiet desk the pause is long over when a commit comes, and it is stamped at once.
 * Under 1 s, as a long poll takes a sequencer that far behind for a stalled one
 * ({@code ChangeFeedController.BEHIND_MS}).
 *
 * <p>The stamp is written by hand, like {@link ChangeFeed}'s read, with the lock and the greatest position from
 * {@link FeedPositions}, which a bulk load uses too: together they are the feed's order guarantee, and whoever checks
 * that guarantee should read the exact SQL next to the reasoning.
 */
@Context
public class FeedSequencer implements CommitListener {

    static final long SWEEP_MS = 50;
    static final int BATCH = 5_000;
    private static final Duration MAX_MIN_INTERVAL = Duration.ofMillis(ChangeFeedController.BEHIND_MS);
    static final Duration LONG_LOCK_WAIT = Duration.ofSeconds(30);
    /** PostgreSQL's SQLSTATE when lock_timeout ends a wait. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger LOG = LoggerFactory.getLogger(FeedSequencer.class);
    private static final String STAMP = """
            WITH batch AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n FROM ticket_event
                WHERE position IS NULL ORDER BY id LIMIT ?)
            UPDATE ticket_event e
            SET position = (%s) + batch.n
            FROM batch WHERE e.id = batch.id""".formatted(FeedPositions.LAST);

    private final Database db;
    private final FeedNotifier notifier;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final Thread thread;
    private final boolean enabled;
    private final Duration lockTimeout;
    private final Duration networkTimeout;
    private final long minIntervalNanos;
    private volatile boolean running = true;
    private boolean pending;
    /** Every event committed before this instant has a position (the start of the last sweep that finished). */
    private volatile Instant completeAsOf;
    /** Why the last sweep did not finish, while no sweep has finished since; null otherwise. */
    private volatile String lastFailure;

    public FeedSequencer(Database db, FeedNotifier notifier,
                         @Value("${helpdesk.feed.sequencer.enabled:true}") boolean enabled,
                         @Value("${helpdesk.feed.sequencer.lock-timeout:10s}") Duration lockTimeout,
                         @Value("${helpdesk.feed.sequencer.network-timeout:45s}") Duration networkTimeout,
                         @Value("${helpdesk.feed.sequencer.min-interval:20ms}") Duration minInterval) {
        if (minInterval.isNegative() || minInterval.compareTo(MAX_MIN_INTERVAL) >= 0) {
            throw new IllegalArgumentException("helpdesk.feed.sequencer.min-interval must be at least 0 and under "
                    + MAX_MIN_INTERVAL.toMillis() + " ms, not " + minInterval.toMillis() + " ms");
        }
        if (networkTimeout.compareTo(lockTimeout) <= 0 || networkTimeout.toMillis() > Integer.MAX_VALUE) {
            // Shorter than the lock wait, every wait for a bulk load's batch would be taken for a hung backend and
            // cost a connection.
            throw new IllegalArgumentException("helpdesk.feed.sequencer.network-timeout must be longer than the "
                    + "lock-timeout (" + lockTimeout.toMillis() + " ms) and under 25 days, not " + networkTimeout);
        }
        this.db = db;
        this.minIntervalNanos = minInterval.toNanos();
        this.lockTimeout = lockTimeout;
        this.networkTimeout = networkTimeout;
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

    /** Why the sweeps fail, while they do (the last failure since the last sweep that finished); else null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** One sweep: stamps every committed event that has no position yet; the number stamped. */
    public int sweep() throws SQLException {
        Instant started = Instant.now();
        int total = 0;
        int stamped;
        do {
            // A backend that stops answering (hung, or its host gone without a reset) would hold this thread for good,
            // silently, since PostgreSQL's own timeouts run in that backend: give up on it after longer than a sweep
            // may legitimately take (its lock wait), so that the stall is logged and the next sweep tries on a new
            // connection.
            stamped = db.inTransaction(networkTimeout, this::stamp);
            total += stamped;
            if (stamped > 0) {
                notifier.published();
            }
        } while (stamped == BATCH);
        completeAsOf = started;
        lastFailure = null;
        return total;
    }

    private int stamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // Another replica's sweep holds the lock for milliseconds, a bulk load's batch for a second or so;
            // never wait on it for ever, so that a lock held for good is noticed (run()).
            s.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            s.execute(FeedPositions.LOCK);
        }
        try (PreparedStatement ps = c.prepareStatement(STAMP)) {
            ps.setInt(1, BATCH);
            return ps.executeUpdate();
        }
    }

    private void run() {
        long backoff = SWEEP_MS;
        long lockWaitSince = 0;
        // Only a sweep that stamped something starts a pause: the empty sweeps of a quiet desk must not delay the
        // next commit.
        long lastStamping = System.nanoTime() - minIntervalNanos;
        // A sweep that failed may have committed before its answer was lost: followers are woken after the next one
        // that works, whether or not it stamps anything.
        boolean outcomeUnknown = false;
        while (running) {
            long attempt = System.nanoTime();
            long started = 0;
            try {
                awaitWork();
                pauseUntil(lastStamping + minIntervalNanos);
                clearPending();
                started = System.nanoTime();
                if (sweep() > 0) {
                    lastStamping = started;
                } else if (outcomeUnknown) {
                    notifier.published();
                }
                outcomeUnknown = false;
                backoff = SWEEP_MS;
                lockWaitSince = 0;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                if (!running) {
                    return;
                }
                outcomeUnknown = true;
                // Told by the time it took: the exception that arrives here may be the transaction's clean-up on the
                // connection the driver closed, not the timeout itself.
                boolean unanswered = started != 0 && System.nanoTime() - started >= networkTimeout.toNanos();
                String why = unanswered ? "PostgreSQL did not answer within " + networkTimeout.toMillis() + " ms (a "
                        + "hung backend, or a connection lost without a reset)" : e.getMessage();
                lastFailure = why;
                if (lockTimedOut(e)) {
                    // The feed's lock or the event table is held elsewhere: a bulk load's batch writing its events (a
                    // second or so), an index being built after one. Waiting is the work, so try again without
                    // backing off, and quietly unless it lasts: the feed's new events wait meanwhile.
                    lockWaitSince = lockWaitSince == 0 ? attempt : lockWaitSince;
                    if (System.nanoTime() - lockWaitSince > LONG_LOCK_WAIT.toNanos()) {
                        LOG.warn("The feed sequencer has waited over {} s for a lock (the feed's advisory lock, {}, "
                                + "or the ticket_event table; see pg_locks): new events wait for it",
                                LONG_LOCK_WAIT.toSeconds(), FeedPositions.LOCK);
                        lockWaitSince = System.nanoTime();
                    }
                    continue;
                }
                LOG.warn("The feed sequencer could not stamp events ({}); retrying in {} ms", why, backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    private static boolean lockTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                wakeUp.await(SWEEP_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cleared right before the sweep, not on waking: commits signalled during the pause are committed before the
     * sweep's statement starts, so it stamps them, and they must not cause an empty sweep after it.
     */
    private void clearPending() {
        lock.lock();
        try {
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    private static void pauseUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
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
