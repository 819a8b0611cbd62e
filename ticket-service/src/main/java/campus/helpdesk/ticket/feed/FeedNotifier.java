package campus.helpdesk.ticket.feed;

import campus.helpdesk.lifecycle.FeedPositions;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes long-polling feed readers when events get their feed positions, in this process and in every other replica.
 * <ul>
 *   <li>Locally: the sequencer calls {@link #published()} right after a sweep stamped events, which wakes readers
 *   at once.</li>
 *   <li>Across replicas: a sender thread then issues one NOTIFY for however many commits happened meanwhile, and a
 *   listener thread (a dedicated connection that LISTENs) wakes local readers on every notification.</li>
 * </ul>
 * NOTIFY is deliberately NOT part of the write transactions: PostgreSQL serialises the commits of notifying
 * transactions on one database-wide lock held across the WAL flush, which cut ticket creation from ~1,200 to
 * ~150 per second when measured. Readers also re-check on a short timer, so a lost notification only delays them.
 * LISTEN and NOTIFY are sent by hand on two dedicated connections outside the pool (a listening connection is held
 * for ever): they read and write no table, so there is nothing for a repository to do.
 */
@Context
public class FeedNotifier {

    public static final String CHANNEL = FeedPositions.CHANNEL;
    private static final Logger LOG = LoggerFactory.getLogger(FeedNotifier.class);

    private final String url;
    private final String user;
    private final String password;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition toSend = lock.newCondition();
    private final Thread listener;
    private final Thread sender;
    private volatile boolean running = true;
    private volatile Connection listening;
    private long generation;
    private boolean pending;

    public FeedNotifier(@Value("${datasources.default.url}") String url,
                        @Value("${datasources.default.username}") String user,
                        @Value("${datasources.default.password}") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.listener = Thread.ofPlatform().daemon().name("feed-listener").start(this::listen);
        this.sender = Thread.ofPlatform().daemon().name("feed-notify-sender").start(this::send);
    }

    /** A number that changes whenever an event may have committed. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the generation differs from {@code seen}, or the timeout passes. */
    public void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called after a sweep of the sequencer gave events their positions. */
    public void published() {
        lock.lock();
        try {
            generation++;
            pending = true;
            changed.signalAll();
            toSend.signal();
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void send() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                 Statement statement = c.createStatement()) {
                // A notification needs no durability: losing one only delays readers until their next re-check.
                statement.execute("SET synchronous_commit = off");
                while (running) {
                    awaitPending();
                    statement.execute("SELECT pg_notify('" + CHANNEL + "', '')");
                }
            } catch (SQLException e) {
                retryLater("sender", e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitPending() throws InterruptedException {
        lock.lock();
        try {
            while (!pending) {
                toSend.await();
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                listening = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                wake(); // anything may have committed while we were not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (SQLException e) {
                retryLater("listener", e);
            }
        }
    }

    private void retryLater(String what, SQLException e) {
        if (!running) {
            return;
        }
        LOG.warn("Feed {} lost its connection ({}); readers fall back to polling, retrying", what, e.getMessage());
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the feed listener", e);
            }
        }
        listener.interrupt();
        sender.interrupt();
    }
}
