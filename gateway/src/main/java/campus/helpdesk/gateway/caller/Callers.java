package campus.helpdesk.gateway.caller;

import campus.helpdesk.api.ApiToken;
import campus.helpdesk.api.TokenCheck;
import campus.helpdesk.gateway.session.GatewayRole;
import campus.helpdesk.gateway.session.Sessions;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.support.identity.ServiceTokens;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Finds who makes a request: an {@code Authorization: Bearer} API token when the request carries one (checked by
 * ticket-service on every request, so a revoked token stops at once), else the session cookie. A request with a
 * token never falls back to the cookie: a bad token is refused even in a signed-in browser.
 */
@Singleton
public class Callers {

    /** Within the 2 s in which a hung ticket-service must get its caller an answer (a 503). */
    private static final Duration CHECK_TIMEOUT = Duration.ofMillis(1500);
    private static final String BEARER = "Bearer ";

    private final Sessions sessions;
    private final ApiTokenClient tokens;
    private final ServiceTokens serviceTokens;

    public Callers(Sessions sessions, ApiTokenClient tokens, ServiceTokens serviceTokens) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.serviceTokens = serviceTokens;
    }

    /** The caller; empty when the request carries no credentials; {@link CallerRefused} when they are refused. */
    public Mono<Caller> of(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return byToken(authorization);
        }
        return Mono.justOrEmpty(sessions.of(request)
                .map(s -> new Caller(s.name(), s.role(), s.id(), null, s.expiresAt())));
    }

    public static boolean carriesToken(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
    }

    private Mono<Caller> byToken(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(new CallerRefused(HttpStatus.UNAUTHORIZED,
                    "Authorization must be 'Bearer <API token>'"));
        }
        String token = authorization.substring(BEARER.length()).strip();
        String self = serviceTokens.bearer("gateway", ServiceRoles.GATEWAY, "ticket-service");
        return Mono.from(tokens.verify(self, new TokenCheck(token)))
                .timeout(CHECK_TIMEOUT)
                .map(Callers::caller)
                .onErrorMap(e -> e instanceof HttpClientResponseException r
                                && r.getStatus() == HttpStatus.UNAUTHORIZED,
                        e -> new CallerRefused(HttpStatus.UNAUTHORIZED,
                                "This API token is unknown, revoked or expired"))
                .onErrorMap(e -> !(e instanceof CallerRefused), e -> new CallerRefused(HttpStatus.SERVICE_UNAVAILABLE,
                        "API tokens cannot be checked right now; try again in a moment"));
    }

    private static Caller caller(ApiToken token) {
        return new Caller(token.owner(), GatewayRole.valueOf(token.role()), null, token.name(), token.expiresAt());
    }
}
