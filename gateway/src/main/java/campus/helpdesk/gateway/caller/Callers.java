package campus.helpdesk.gateway.caller;

import campus.helpdesk.api.ApiToken;
import campus.helpdesk.api.TokenCheck;
import campus.helpdesk.client.ApiTokenClient;
import campus.helpdesk.gateway.session.GatewayRole;
import campus.helpdesk.gateway.session.Sessions;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Finds who makes a request: an {@code Authorization: Bearer} API token when the request carries one (checked by
 * ticket-service on every request, so a revoked token stops at once), else the session cookie. A request with a
 * token never falls back to the cookie: a bad token is refused even in a signed-in browser. The check is the
 * contract's own client; it blocks, so it runs off the event loop, and the caller gets its answer within
 * {@link #CHECK_TIMEOUT} even when ticket-service hangs. When ticket-service cannot answer, a check it gave minutes
 * ago stands in ({@link RecentTokenChecks}); while it keeps failing, that check is waited for only a quarter of a
 * second.
 */
@Singleton
public class Callers {

    /** Within the 2 s in which a hung ticket-service must get its caller an answer (a 503). */
    private static final Duration CHECK_TIMEOUT = Duration.ofMillis(1500);
    /**
     * With a check from the last minutes in hand and ticket-service failing to answer lately, a hung ticket-service
     * may not cost each caller its full timeout again: the request behind waits up to 1.5 s for its own service, and
     * an analytics answer should not wait at all. Only then: a ticket-service that is slow but answers must still get
     * to refuse a revoked token.
     */
    private static final Duration VOUCHED_CHECK_TIMEOUT = Duration.ofMillis(250);
    private static final String BEARER = "Bearer ";

    private final Sessions sessions;
    private final ApiTokenClient tokens;
    private final RecentTokenChecks recent;

    public Callers(Sessions sessions, ApiTokenClient tokens, RecentTokenChecks recent) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.recent = recent;
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
        TokenCheck check = new TokenCheck(token);
        Instant askedAt = recent.now();
        Duration patience = recent.struggling() && recent.lately(token).isPresent() ? VOUCHED_CHECK_TIMEOUT
                : CHECK_TIMEOUT;
        // wrapCurrent: the check keeps the request's trace on the other thread.
        Callable<ApiToken> verify = () -> tokens.verify(check);
        Mono<ApiToken> answer = Mono.fromCallable(PropagatedContext.wrapCurrent(verify))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(checked -> {
                    recent.answered();
                    recent.vouched(token, checked, askedAt);
                })
                .doOnError(e -> {
                    if (refusal(e)) {
                        recent.answered();
                        recent.refused(token, askedAt);
                    } else if (unanswered(e)) {
                        recent.unanswered();
                    }
                })
                .cache();
        // Heard to the end even when the caller stops waiting: a refusal that comes late stops the token's next
        // request.
        answer.subscribe(checked -> { }, e -> { });
        return answer.timeout(patience)
                .onErrorMap(Callers::refusal, e -> new CallerRefused(HttpStatus.UNAUTHORIZED,
                        "This API token is unknown, revoked or expired"))
                .onErrorResume(Callers::unanswered, e -> {
                    recent.unanswered();
                    return Mono.justOrEmpty(recent.lately(token)).switchIfEmpty(Mono.error(uncheckable()));
                })
                .onErrorMap(e -> !(e instanceof CallerRefused), e -> uncheckable())
                .map(Callers::caller);
    }

    private static boolean refusal(Throwable e) {
        return e instanceof HttpClientResponseException r && r.getStatus() == HttpStatus.UNAUTHORIZED;
    }

    /**
     * ticket-service could not say (no connection, a 5xx, no answer in time): only then may a recent check stand in.
     * Any other answer (a 400, a 403) is an answer, and not one that vouches for the token.
     */
    private static boolean unanswered(Throwable e) {
        return !(e instanceof CallerRefused)
                && (!(e instanceof HttpClientResponseException r) || r.getStatus().getCode() >= 500);
    }

    private static CallerRefused uncheckable() {
        return new CallerRefused(HttpStatus.SERVICE_UNAVAILABLE,
                "API tokens cannot be checked right now; try again in a moment");
    }

    private static Caller caller(ApiToken token) {
        return new Caller(token.owner(), GatewayRole.valueOf(token.role()), null, token.name(), token.expiresAt());
    }
}
