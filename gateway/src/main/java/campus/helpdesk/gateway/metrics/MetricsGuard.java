package campus.helpdesk.gateway.metrics;

import campus.helpdesk.gateway.caller.CallerRefused;
import campus.helpdesk.gateway.caller.Callers;
import campus.helpdesk.gateway.session.GatewayRole;
import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /prometheus} on the gateway is for staff and analysts only: a session of theirs, or (for a Prometheus
 * server, which sends {@code authorization: credentials} in its scrape config) one of their API tokens. The
 * internal services serve it without a token because only their network reaches them; the gateway is the one
 * port that faces the campus, and its metrics name the traffic, the live browsers and the failures.
 */
@Filter({"/prometheus", "/prometheus/**"})
public class MetricsGuard implements HttpServerFilter {

    private final Callers callers;

    public MetricsGuard(Callers callers) {
        this.callers = callers;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return callers.of(request)
                .flatMap(caller -> caller.role() == GatewayRole.STUDENT
                        ? Mono.just(refusal(HttpStatus.FORBIDDEN, "Metrics are for staff and analysts"))
                        : Mono.from(chain.proceed(request)))
                .switchIfEmpty(Mono.fromSupplier(() -> refusal(HttpStatus.UNAUTHORIZED,
                        "Metrics need a staff or analyst session, or their API token (Authorization: Bearer ...)")))
                .onErrorResume(CallerRefused.class, e -> Mono.just(e.response()));
    }

    private static MutableHttpResponse<?> refusal(HttpStatus status, String detail) {
        return ProblemDocument.response(status, detail);
    }
}
