package campus.helpdesk.support.identity;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Mints the short-lived signed tokens that services accept: who ({@code sub}), as what ({@code roles}), for which
 * service ({@code aud}, its application name). Minted per request, so a token outlives its request by at most
 * {@link #LIFETIME} and a leaked one is soon worthless.
 */
@Singleton
public class ServiceTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(2);

    private final JwtTokenGenerator generator;

    public ServiceTokens(JwtTokenGenerator generator) {
        this.generator = generator;
    }

    public String mint(String subject, String role, String audience) {
        Authentication who = Authentication.build(subject, List.of(role), Map.of(AudienceValidator.CLAIM, audience));
        return generator.generateToken(who, (int) LIFETIME.toSeconds())
                .orElseThrow(() -> new IllegalStateException("No service token could be signed"));
    }

    /** The value of an {@code Authorization} header carrying a fresh token. */
    public String bearer(String subject, String role, String audience) {
        return "Bearer " + mint(subject, role, audience);
    }
}
