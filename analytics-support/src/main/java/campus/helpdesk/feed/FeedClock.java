package campus.helpdesk.feed;

/**
 * The freshness bookkeeping of one consumer, apart from its thread so the rules can be tested with any clock.
 * One writer (the consumer thread), many readers: every field is volatile and read once per question.
 */
final class FeedClock {

    /** A long poll in flight for longer than its wait plus this has stopped vouching for freshness. */
    static final long POLL_GRACE_MS = 700;
    /** The feed itself is late when its last page was complete only as of longer ago than this. */
    static final long FEED_BEHIND_MS = 1_000;

    private final long waitMs;
    private final long staleAfterMs;
    private final long startedAt;

    private volatile boolean bootstrapped;
    private volatile boolean caughtUp;
    private volatile boolean lastFailed;
    private volatile long lastSuccessAt;
    private volatile long pollStartedAt;
    /** While catching up: the time of the newest change applied; the model holds nothing committed after it. */
    private volatile long behindAt;
    /** The last page's completeAsOf: every change committed before it was in the feed (0: the feed did not say). */
    private volatile long feedCompleteAt;

    FeedClock(long waitMs, long staleAfterMs, long now) {
        this.waitMs = waitMs;
        this.staleAfterMs = staleAfterMs;
        this.startedAt = now;
    }

    void bootstrapped(long now) {
        bootstrapped = true;
        succeeded(now, false, 0, now);
    }

    void pollStarted(long now) {
        pollStartedAt = now;
    }

    /**
     * A poll answered. A full page means more events wait: until a page is not full, the model is only as fresh
     * as the newest event applied ({@code lastEventAt}, 0 when unknown). {@code feedCompleteAt} is the page's
     * completeAsOf (0 when the feed did not say): changes committed after it may not be in the feed yet.
     */
    void succeeded(long now, boolean pageWasFull, long lastEventAt, long feedCompleteAt) {
        pollStartedAt = 0;
        behindAt = pageWasFull ? lastEventAt : 0;
        this.feedCompleteAt = feedCompleteAt > 0 ? feedCompleteAt : now;
        lastSuccessAt = now;
        lastFailed = false;
        caughtUp = !pageWasFull;
    }

    /** Whether the last page said the feed itself was late (its sequencing stalled). */
    boolean feedBehind() {
        return lastSuccessAt - feedCompleteAt > FEED_BEHIND_MS;
    }

    void failed() {
        pollStartedAt = 0;
        lastFailed = true;
    }

    void forgetBootstrap() {
        bootstrapped = false;
        caughtUp = false;
    }

    boolean isBootstrapped() {
        return bootstrapped;
    }

    boolean isCaughtUp() {
        return bootstrapped && caughtUp;
    }

    boolean isFailing() {
        return lastFailed;
    }

    /**
     * The time the model is known complete at: the oldest of the last answer, the newest change applied while
     * catching up, and the moment the feed itself was complete. While a long poll of a caught-up consumer is
     * waiting on a healthy, up-to-date feed, that is "now": any commit would end the wait at once; a poll that
     * overruns its wait stops vouching, so a hung ticket-service shows within wait + grace.
     */
    long asOf(long now) {
        if (!bootstrapped) {
            return 0;
        }
        long inFlight = pollStartedAt;
        if (caughtUp && !lastFailed && !feedBehind() && inFlight != 0 && now - inFlight < waitMs + POLL_GRACE_MS) {
            return now;
        }
        long known = Math.min(lastSuccessAt, feedCompleteAt);
        long behind = behindAt;
        return behind > 0 ? Math.min(known, behind) : known;
    }

    long lagMs(long now) {
        long asOf = asOf(now);
        return Math.max(0, now - (asOf == 0 ? startedAt : asOf));
    }

    boolean isStale(long now) {
        return !bootstrapped || lastFailed || lagMs(now) > staleAfterMs;
    }
}
