package campus.helpdesk.feed;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code helpdesk.feed.*}: how this application follows ticket-service's change feed. */
@ConfigurationProperties("helpdesk.feed")
public class FeedConfiguration {

    /** SNAPSHOT loads every ticket's facts first (read models); TAIL starts from "now" (live updates). */
    public enum BootstrapMode { SNAPSHOT, TAIL }

    private boolean enabled = true;
    private BootstrapMode bootstrap = BootstrapMode.SNAPSHOT;
    /**
     * Short on purpose: an answer at least every second is the heartbeat that lets a follower tell a quiet feed
     * from a hung ticket-service within two seconds (FeedClock). It costs one small request a second.
     */
    private int waitMs = 1_000;
    private int limit = 1000;
    private Duration minBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration staleAfter = Duration.ofSeconds(1);

    /** false switches the consumer off (answers then stay stale). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public BootstrapMode getBootstrap() {
        return bootstrap;
    }

    public void setBootstrap(BootstrapMode bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Long-poll wait per request; ticket-service answers at once when an event commits. */
    public int getWaitMs() {
        return waitMs;
    }

    public void setWaitMs(int waitMs) {
        this.waitMs = waitMs;
    }

    /** Events per request. */
    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    /** First retry delay after a failure; doubled per failure up to {@link #getMaxBackoff()}. */
    public Duration getMinBackoff() {
        return minBackoff;
    }

    public void setMinBackoff(Duration minBackoff) {
        this.minBackoff = minBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /** Answers are flagged stale when the model may miss changes older than this. */
    public Duration getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }
}
