package campus.helpdesk.ticket.feed;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} → {@code changeFeed}: how far the feed's order lags behind the commits, and why when it does. A
 * stalled feed leaves the service UP: creates, reads and messages still work, and a probe that restarted
 * ticket-service for it would take those down without freeing what holds the feed (a lock held elsewhere, a hung
 * backend). The details say it instead, and the sequencer's log says it too.
 */
@Singleton
public class FeedSequencerHealth implements HealthIndicator {

    /** Behind by more than this, the feed is said to be stalled: a bulk load's batch holds it about a second. */
    static final Duration STALLED = FeedSequencer.LONG_LOCK_WAIT;

    private final FeedSequencer sequencer;

    public FeedSequencerHealth(FeedSequencer sequencer) {
        this.sequencer = sequencer;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sequencing", sequencer.isEnabled());
        Instant complete = sequencer.completeAsOf();
        if (complete != null) {
            long behindMs = Math.max(0, Duration.between(complete, Instant.now()).toMillis());
            details.put("completeAsOf", complete.toString());
            details.put("behindMs", behindMs);
            details.put("stalled", behindMs > STALLED.toMillis());
        }
        String failure = sequencer.lastFailure();
        if (failure != null) {
            details.put("lastFailure", failure);
        }
        return Publishers.just(HealthResult.builder("changeFeed", HealthStatus.UP).details(details).build());
    }
}
