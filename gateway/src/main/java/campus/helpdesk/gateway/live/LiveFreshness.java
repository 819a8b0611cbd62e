package campus.helpdesk.gateway.live;

import campus.helpdesk.feed.FeedConsumer;
import campus.helpdesk.feed.FeedStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.function.Supplier;

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
    /** Live again only once this close: a feed hovering about the bound above would switch the badge every second. */
    static final long SHOWN_LIVE_AGAIN_MS = 2_000;

    private final Flux<Boolean> following;
    private boolean lastSaid = true;

    @Inject
    LiveFreshness(FeedConsumer consumer) {
        this(consumer::status, CHECK);
    }

    LiveFreshness(Supplier<FeedStatus> status, Duration check) {
        // The ticks drop while no stream asks (a page that reads slowly, a phone asleep): a shared timer that waited
        // for its slowest reader would fail with an overflow, and every open stream with it.
        this.following = Flux.interval(Duration.ZERO, check)
                .onBackpressureDrop()
                .map(tick -> following(status.get()))
                .distinctUntilChanged()
                .replay(1)
                .refCount();
    }

    /** The current answer at once, then each change of it; a stream that reads slowly gets the latest. */
    Flux<Boolean> following() {
        return following.onBackpressureLatest();
    }

    /** One check, on the one thread of the shared timer (replayed to every stream, so never two at once). */
    private boolean following(FeedStatus status) {
        long lag = status.lagMs();
        lastSaid = status.bootstrapped() && (lastSaid ? lag <= SHOWN_LATE_MS : lag < SHOWN_LIVE_AGAIN_MS);
        return lastSaid;
    }
}
