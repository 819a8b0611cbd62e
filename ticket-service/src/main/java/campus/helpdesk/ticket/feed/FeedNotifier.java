package campus.helpdesk.ticket.feed;

import campus.helpdesk.ticket.history.EventLog;
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
 * Wakes long-polling feed readers when an event commits. One dedicated connection (outside the pool: it is held
 * for ever) LISTENs on the events channel from a background thread; each notification bumps a generation counter.
 * Readers also re-check on a short timer, because an event can be committed but not yet servable while an older
 * transaction still runs, and that older one's commit sends no notification of its own if it wrote no event.
 */
@Context
public class FeedNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(FeedNotifier.class);

    private final String url;
    private final String user;
    private final String password;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection connection;
    private long generation;

    public FeedNotifier(@Value("${datasources.default.url}") String url,
                        @Value("${datasources.default.username}") String user,
                        @Value("${datasources.default.password}") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.listener = Thread.ofPlatform().daemon().name("feed-listener").start(this::listen);
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

    private void signal() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + EventLog.CHANNEL);
                }
                signal(); // anything may have committed while we were not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        signal();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Feed listener lost its connection ({}); readers fall back to polling, retrying",
                            e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the feed listener", e);
            }
        }
        listener.interrupt();
    }
}
