package campus.helpdesk.support.identity;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * Checks a service token on the thread that received the request. Micronaut Security's reactive validator hands
 * every check to the blocking thread pool and back, because a key may have to be fetched (JWKS); ours are HS256
 * secrets held in memory ({@link ServiceKeys}), so the check is a few microseconds of CPU and the two thread hops
 * cost more than the check itself (on two cores, they are most of an analytics answer's p99: BENCHMARKS.md).
 * The checks are exactly Micronaut Security's synchronous ones ({@link JsonWebTokenValidator}): the signature
 * against every configured key, then every claims validator (expiry, not-before, {@link AudienceValidator}).
 */
@Singleton
@Replaces(ReactiveJsonWebTokenValidator.class)
public class InlineTokenValidator implements ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> {

    private final JsonWebTokenValidator<JWT, HttpRequest<?>> checks;
    private final JwtAuthenticationFactory authentications;

    public InlineTokenValidator(JsonWebTokenValidator<JWT, HttpRequest<?>> checks,
                                JwtAuthenticationFactory authentications) {
        this.checks = checks;
        this.authentications = authentications;
    }

    @Override
    public Publisher<JWT> validate(String token, HttpRequest<?> request) {
        return publisher(checks.validate(token, request));
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return publisher(checks.validate(token, request).flatMap(authentications::createAuthentication));
    }

    /** Emits at once, on the subscribing thread. */
    private static <T> Publisher<T> publisher(Optional<T> value) {
        return value.map(Publishers::just).orElseGet(Publishers::empty);
    }
}
