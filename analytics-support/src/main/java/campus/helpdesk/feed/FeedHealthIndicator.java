package campus.helpdesk.feed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} → {@code changeFeed}: DOWN until the first bootstrap (the read model would answer from
 * nothing), UP after it, also while ticket-service is away: the service still answers, flagged stale, and the
 * details say how far behind it is.
 */
@Singleton
@Requires(beans = FeedConsumer.class)
public class FeedHealthIndicator implements HealthIndicator {

    private final FeedConsumer consumer;

    public FeedHealthIndicator(FeedConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        FeedStatus status = consumer.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bootstrapped", status.bootstrapped());
        details.put("caughtUp", status.caughtUp());
        details.put("stale", status.stale());
        details.put("lagMs", status.lagMs());
        if (status.asOf() != null) {
            details.put("asOf", status.asOf().toString());
        }
        details.put("eventsApplied", status.eventsApplied());
        if (status.cursor() != null) {
            details.put("cursor", status.cursor());
        }
        if (status.lastError() != null) {
            details.put("lastError", status.lastError());
        }
        HealthStatus health = status.bootstrapped() ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder("changeFeed", health).details(details).build());
    }
}
