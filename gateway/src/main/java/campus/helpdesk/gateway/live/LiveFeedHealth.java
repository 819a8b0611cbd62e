package campus.helpdesk.gateway.live;

import campus.helpdesk.feed.FeedConsumer;
import campus.helpdesk.feed.FeedHealthIndicator;
import campus.helpdesk.feed.FeedStatus;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} → {@code liveUpdates}. Unlike an analytics service, the gateway is useful without the change
 * feed (pages, sign-in, analytics answers), so a missing feed is reported in the details but does not make the
 * gateway DOWN: a liveness probe must not restart it because ticket-service is away.
 */
@Singleton
@Replaces(FeedHealthIndicator.class)
public class LiveFeedHealth implements HealthIndicator {

    private final FeedConsumer consumer;
    private final LiveHub hub;

    public LiveFeedHealth(FeedConsumer consumer, LiveHub hub) {
        this.consumer = consumer;
        this.hub = hub;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        FeedStatus status = consumer.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("following", status.bootstrapped() && !status.stale());
        details.put("lagMs", status.lagMs());
        details.put("browsers", hub.browsers());
        details.put("eventsRelayed", status.eventsApplied());
        if (status.lastError() != null) {
            details.put("lastError", status.lastError());
        }
        return Publishers.just(HealthResult.builder("liveUpdates", HealthStatus.UP).details(details).build());
    }
}
