package campus.helpdesk.support.problem;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Every JSON body a route reads into a record is held to that record's types first ({@link StrictJson}), in every
 * service: a wrong type, a key given twice, trailing data or broken text is a 400 naming the property, and nothing
 * runs. After security, so that a caller without the right to a route learns nothing about its body.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class StrictJsonFilter implements ConditionalFilter, Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false)
                && bodyType(request).isPresent();
    }

    /** A 400 at once, or the request goes on. */
    @RequestFilter
    public Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request,
                                                   FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        // Asked again here: the framework does not always ask isEnabled first (FilterBody says when).
        Optional<Argument<?>> type = bodyType(request);
        if (!isEnabled(request) || type.isEmpty()) {
            return next.proceed();
        }
        return Mono.fromFuture(FilterBody.bytes(request))
                .mapNotNull(body -> StrictJson.check(type.get(), body))
                .<MutableHttpResponse<?>>map(v -> BadInput.response(HttpStatus.BAD_REQUEST, v.field(), v.detail()))
                .switchIfEmpty(Mono.defer(() -> Mono.from(next.proceed())));
    }

    private static Optional<Argument<?>> bodyType(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).flatMap(RouteInfo::getBodyArgument)
                .filter(StrictJson::checks);
    }
}
