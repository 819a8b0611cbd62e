package campus.helpdesk.gateway.live;

import campus.helpdesk.feed.FeedConsumer;
import campus.helpdesk.feed.FeedStatus;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * Whether the gateway hears ticket-service's changes as they happen, for the pages' "Live" badge. The browser's own
 * stream to the gateway may be fine while ticket-service is away or hung: then nothing reaches the page, and a
 * green "Live" would claim otherwise. One shared check for every stream; a stream is told only when it changes.
 */
@Singleton
class LiveFreshness {

    private static final Duration CHECK = Duration.ofSeconds(1);
    /**
     * Behind by more than this, the badge says "updates delayed": a feed poll waits up to a second, so a healthy
     * desk is never this late, and a burst of reports caught up within it is not worth a flicker.
     */
    static final long SHOWN_LATE_MS = 3_000;

    private final Flux<Boolean> following;

    LiveFreshness(FeedConsumer consumer) {
        this.following = Flux.interval(Duration.ZERO, CHECK)
                .map(tick -> following(consumer.status()))
                .distinctUntilChanged()
                .replay(1)
                .refCount();
    }

    /** The current answer at once, then each change of it. */
    Flux<Boolean> following() {
        return following;
    }

    static boolean following(FeedStatus status) {
        return status.bootstrapped() && status.lagMs() <= SHOWN_LATE_MS;
    }
}
