package campus.helpdesk.feed;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangeFeedOperations;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.client.ChangeFeedClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows ticket-service's change feed on its own thread and hands every change to the {@link ChangeListener}
 * beans of the application: bootstrap (snapshot, or only the head cursor in TAIL mode), then long polls from the
 * cursor. When ticket-service is down it retries with capped exponential backoff and resumes from the cursor of
 * the last applied event, so nothing is lost; listeners replace facts by newer versions, so an event that is
 * applied again after a failure in the middle of a page counts once.
 */
@Singleton
@Requires(beans = ChangeListener.class)
public class FeedConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);

    private final List<ChangeListener> listeners;
    private final ChangeFeedOperations feed;
    private final SnapshotSource snapshot;
    private final FeedConfiguration config;
    private final FeedClock clock;
    private final AtomicLong eventsApplied = new AtomicLong();
    private final @Nullable Counter appliedCounter;

    private volatile String cursor;
    private volatile String lastError;
    private volatile boolean running;
    private Thread thread;

    @jakarta.inject.Inject
    public FeedConsumer(List<ChangeListener> listeners, ChangeFeedClient feed, SnapshotSource snapshot,
                        FeedConfiguration config, @Nullable MeterRegistry meters) {
        this(listeners, (ChangeFeedOperations) feed, snapshot, config, meters);
    }

    FeedConsumer(List<ChangeListener> listeners, ChangeFeedOperations feed, SnapshotSource snapshot,
                 FeedConfiguration config, @Nullable MeterRegistry meters) {
        this.listeners = List.copyOf(listeners);
        this.feed = feed;
        this.snapshot = snapshot;
        this.config = config;
        this.clock = new FeedClock(config.getWaitMs(), config.getStaleAfter().toMillis(), System.currentTimeMillis());
        if (meters != null) {
            appliedCounter = Counter.builder("helpdesk.feed.events.applied")
                    .description("Change-feed events applied to the read models").register(meters);
            Gauge.builder("helpdesk.feed.lag.ms", this, c -> c.status().lagMs())
                    .description("Milliseconds since the read models were known to hold every change")
                    .register(meters);
            Gauge.builder("helpdesk.feed.caught.up", this, c -> c.clock.isCaughtUp() ? 1 : 0)
                    .description("1 once the consumer has reached the end of the feed").register(meters);
        } else {
            appliedCounter = null;
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    public synchronized void start() {
        if (running || !config.isEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public FeedStatus status() {
        long now = System.currentTimeMillis();
        long asOf = clock.asOf(now);
        return new FeedStatus(clock.isBootstrapped(), asOf == 0 ? null : Instant.ofEpochMilli(asOf),
                clock.lagMs(now), clock.isStale(now), clock.isCaughtUp(), cursor, eventsApplied.get(), lastError);
    }

    private void run() {
        long backoff = config.getMinBackoff().toMillis();
        while (running) {
            try {
                if (!clock.isBootstrapped()) {
                    bootstrap();
                }
                poll();
                if (lastError != null) {
                    LOG.info("Change feed reachable again, resuming after cursor {}", cursor);
                    lastError = null;
                }
                backoff = config.getMinBackoff().toMillis();
            } catch (Exception e) {
                clock.failed();
                if (!running) {
                    return;
                }
                if (lastError == null) {
                    LOG.warn("Change feed unavailable ({}); retrying with backoff, answers are stale", e.toString());
                }
                lastError = e.toString();
                if (e instanceof HttpClientResponseException http && http.getStatus().getCode() < 500
                        && http.getStatus().getCode() != 429) {
                    // The cursor is no longer understood (e.g. a new database): start over from a snapshot.
                    clock.forgetBootstrap();
                }
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, config.getMaxBackoff().toMillis());
            }
        }
    }

    private void bootstrap() throws Exception {
        long started = System.currentTimeMillis();
        if (config.getBootstrap() == FeedConfiguration.BootstrapMode.TAIL) {
            cursor = snapshot.headCursor();
        } else {
            listeners.forEach(ChangeListener::reset);
            long[] count = {0};
            cursor = snapshot.load(facts -> {
                count[0]++;
                for (ChangeListener listener : listeners) {
                    listener.load(facts);
                }
            });
            listeners.forEach(ChangeListener::loaded);
            LOG.info("Loaded the facts of {} tickets from the snapshot in {} ms (cursor {})", count[0],
                    System.currentTimeMillis() - started, cursor);
        }
        clock.bootstrapped(System.currentTimeMillis());
    }

    private void poll() {
        clock.pollStarted(System.currentTimeMillis());
        ChangePage page = feed.changes(cursor, config.getLimit(), config.getWaitMs());
        List<ChangeEvent> events = page.events() == null ? List.of() : page.events();
        for (ChangeEvent event : events) {
            for (ChangeListener listener : listeners) {
                listener.apply(event);
            }
            // Advance per event: a failure later in the page resumes right after the last applied event.
            cursor = event.cursor();
            eventsApplied.incrementAndGet();
            if (appliedCounter != null) {
                appliedCounter.increment();
            }
        }
        if (page.next() != null) {
            cursor = page.next();
        }
        long lastEventAt = events.isEmpty() || events.getLast().at() == null ? 0 : events.getLast().at().toEpochMilli();
        long complete = page.completeAsOf() == null ? 0 : page.completeAsOf().toEpochMilli();
        clock.succeeded(System.currentTimeMillis(), events.size() >= config.getLimit(), lastEventAt, complete);
        if (events.isEmpty() && clock.feedBehind()) {
            // The feed answered early to say it is late; asking again at once would only spin.
            sleep(config.getMinBackoff().toMillis() * 2);
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
