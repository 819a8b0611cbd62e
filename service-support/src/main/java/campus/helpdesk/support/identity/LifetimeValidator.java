package campus.helpdesk.support.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A service token lives {@link ServiceTokens#LIFETIME}: one without an expiry, or with one further off than
 * {@code helpdesk.service-tokens.longest-lifetime} (3 minutes: the lifetime and a minute for a minting service whose
 * clock runs ahead), was not minted by a service of this desk. Micronaut Security checks an expiry only when a token
 * has one, so a token signed without it would otherwise be good until the key changes. The benchmarks, which call a
 * service without the gateway for minutes on end, mint longer-lived tokens and raise the limit for their own suite
 * ({@code bench/service-token.sh}).
 */
@Singleton
public class LifetimeValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final Duration longest;

    public LifetimeValidator(@Value("${helpdesk.service-tokens.longest-lifetime:3m}") Duration longest) {
        this.longest = longest;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Instant expiry = instant(claims.get(Claims.EXPIRATION_TIME));
        return expiry != null && !expiry.isAfter(Instant.now().plus(longest));
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
