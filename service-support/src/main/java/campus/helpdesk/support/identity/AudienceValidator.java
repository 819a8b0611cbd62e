package campus.helpdesk.support.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * A service token is good only at the service it was minted for: one taken from an analytics service's logs or
 * traffic cannot be replayed against ticket-service. Micronaut Security runs this beside its own checks
 * (signature, expiry, not-before).
 */
@Singleton
public class AudienceValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final String CLAIM = Claims.AUDIENCE;

    private final String self;

    public AudienceValidator(@Value("${micronaut.application.name}") String self) {
        this.self = self;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object audience = claims.get(CLAIM);
        if (audience instanceof Collection<?> many) {
            return many.contains(self);
        }
        return self.equals(audience);
    }
}
