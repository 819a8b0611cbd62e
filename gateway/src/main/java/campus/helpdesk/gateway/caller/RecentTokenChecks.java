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
 * cannot is a check younger than {@link #TRUSTED_FOR} taken instead. Revoking needs ticket-service too, so what an
 * outage lets through is a token revoked within those minutes before it and not used since. Keyed by a hash of the
 * token: the gateway's memory holds no usable token.
 */
@Singleton
public class RecentTokenChecks {

    static final Duration TRUSTED_FOR = Duration.ofMinutes(5);
    static final int MOST = 2_000;

    private record Check(ApiToken token, Instant at) {
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

    /** ticket-service vouched for this token just now. */
    public synchronized void vouched(String token, ApiToken checked) {
        checks.put(key(token), new Check(checked, clock.instant()));
    }

    /** ticket-service refused this token: it is forgotten. */
    public synchronized void refused(String token) {
        checks.remove(key(token));
    }

    /** The token as ticket-service last vouched for it, if that was recent and the token has not expired since. */
    public synchronized Optional<ApiToken> lately(String token) {
        Check check = checks.get(key(token));
        Instant now = clock.instant();
        if (check == null || check.at().plus(TRUSTED_FOR).isBefore(now)
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
