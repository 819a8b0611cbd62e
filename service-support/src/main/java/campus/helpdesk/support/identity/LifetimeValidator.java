package campus.helpdesk.support.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A service token lives {@link ServiceTokens#LIFETIME}: one without an expiry, or with one further off than that, was
 * not minted by a service of this desk. Micronaut Security checks an expiry only when a token has one, so a token
 * signed without it would otherwise be good until the key changes. {@link #CLOCK_SKEW} allows for a minting service
 * whose clock runs ahead of this one's (containers on another node).
 */
@Singleton
public class LifetimeValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Instant expiry = instant(claims.get(Claims.EXPIRATION_TIME));
        return expiry != null && !expiry.isAfter(Instant.now().plus(ServiceTokens.LIFETIME).plus(CLOCK_SKEW));
    }

    private static Instant instant(Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Instant instant) {
            return instant;
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
