package campus.helpdesk.gateway.caller;

import campus.helpdesk.api.ApiToken;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens ticket-service has vouched for lately, for the moments when it cannot be asked: while it restarts, a
 * BI tool's analytics requests still get their (stale-marked) answers instead of a 503, as a browser's do. Every
 * request still asks ticket-service first, so a revoked token stops at once whenever it can answer; only when it
 * cannot (no connection, a 5xx, no answer in time) is a check younger than {@link #TRUSTED_FOR} taken instead. It
 * also remembers whether ticket-service lately failed to answer a check ({@link #struggling}): only then is it given
 * less time, so that a slow but answering ticket-service still refuses a revoked token.
 * Revoking needs ticket-service too, so what an outage lets through is a token revoked within those minutes before
 * it and not used since at this gateway (each replica remembers its own). Keyed by a hash of the token: the
 * gateway's memory holds no usable token.
 */
@Singleton
public class RecentTokenChecks {

    static final Duration TRUSTED_FOR = Duration.ofMinutes(5);
    /** How long a check ticket-service could not answer marks it as struggling. */
    static final Duration STRUGGLING_FOR = Duration.ofSeconds(30);
    static final int MOST = 2_000;

    /** What ticket-service last said of a token: vouched for ({@code token} set) or refused, and when it was asked. */
    private record Check(ApiToken token, Instant askedAt) {
    }

    private final Clock clock;
    private final Map<String, Check> checks = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Check> eldest) {
            return size() > MOST;
        }
    };

    public RecentTokenChecks() {
        this(Clock.systemUTC());
    }

    RecentTokenChecks(Clock clock) {
        this.clock = clock;
    }

    /** When a check is asked for: what it says is recorded against this moment. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * ticket-service vouched for this token when asked at {@code askedAt}. A refusal given to a check asked later
     * (a revoke between the two) is not overwritten by it.
     */
    public void vouched(String token, ApiToken checked, Instant askedAt) {
        record(key(token), new Check(checked, askedAt));
    }

    /** ticket-service refused this token when asked at {@code askedAt}: no outage lets it through any more. */
    public void refused(String token, Instant askedAt) {
        record(key(token), new Check(null, askedAt));
    }

    private synchronized void record(String key, Check check) {
        Check known = checks.get(key);
        if (known == null || !known.askedAt().isAfter(check.askedAt())) {
            checks.put(key, check);
        }
    }

    private volatile Instant unansweredAt;

    /** ticket-service could not answer a check (no connection, a 5xx, no answer in time). */
    public void unanswered() {
        unansweredAt = clock.instant();
    }

    /** ticket-service answered a check, yes or no: it is not struggling. */
    public void answered() {
        unansweredAt = null;
    }

    /** Whether a check went unanswered in the last {@link #STRUGGLING_FOR}. */
    public boolean struggling() {
        Instant at = unansweredAt;
        return at != null && !at.plus(STRUGGLING_FOR).isBefore(clock.instant());
    }

    /** The token as ticket-service last vouched for it, if that was recent and the token has not expired since. */
    public Optional<ApiToken> lately(String token) {
        String key = key(token);
        Check check;
        synchronized (this) {
            check = checks.get(key);
        }
        Instant now = clock.instant();
        if (check == null || check.token() == null || check.askedAt().plus(TRUSTED_FOR).isBefore(now)
                || (check.token().expiresAt() != null && !check.token().expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        return Optional.of(check.token());
    }

    private static String key(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
