package campus.helpdesk.support.problem;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the JSON body of a write once, in every service, before the route binds it:
 * <ul>
 *   <li>a body a route reads into a record is held to that record's types first ({@link StrictJson}): a wrong type,
 *   a key given twice, trailing data or broken text is a 400 naming the property, and nothing runs;</li>
 *   <li>the body is kept on the request so that, when the framework's reader still fails, {@link ProblemResponses}
 *   can name the property at the parser's error position.</li>
 * </ul>
 * One filter for both, so that a body is read once. After security, so that a caller without the right to a route
 * learns nothing about its body. A body still arriving is waited for at most {@code helpdesk.body-timeout} (5 s):
 * one that stops short of its Content-Length is a 408, not a connection held until the server's idle timeout (the
 * gateway's sign-in is open to anyone).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class JsonBodyFilter implements ConditionalFilter, Ordered {

    private final Duration bodyTimeout;

    public JsonBodyFilter(@Value("${helpdesk.body-timeout}") Duration bodyTimeout) {
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return isJson(request) && bodyType(request).isPresent();
    }

    /** A 400 at once, or the request goes on. */
    @RequestFilter
    public Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request,
                                                   FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        // Asked again here: the framework does not always ask isEnabled first (FilterBody says when).
        Optional<Argument<?>> type = bodyType(request);
        if (type.isEmpty() || !isJson(request)) {
            return next.proceed();
        }
        byte[] received = FilterBody.bytesIfReceived(request);
        if (received != null) {
            MutableHttpResponse<?> refusal = refusal(request, type.get(), received);
            return refusal == null ? next.proceed() : Mono.<MutableHttpResponse<?>>just(refusal);
        }
        // The wait bounds the body's arrival only, not the route that runs after it.
        Mono<Optional<MutableHttpResponse<?>>> checked = Mono.fromFuture(FilterBody.bytes(request))
                .map(body -> Optional.<MutableHttpResponse<?>>ofNullable(refusal(request, type.get(), body)))
                .defaultIfEmpty(Optional.empty())
                .timeout(bodyTimeout, Mono.fromSupplier(() -> Optional.of(BadInput.bodyNotWhole())))
                // The client hung up half-way: nobody reads the answer, and it is the same case, not a failure of ours.
                .onErrorResume(IOException.class, e -> Mono.fromSupplier(() -> Optional.of(BadInput.bodyNotWhole())));
        return checked.flatMap(refusal -> refusal.<Mono<MutableHttpResponse<?>>>map(Mono::just)
                .orElseGet(() -> Mono.from(next.proceed())));
    }


    private static @Nullable MutableHttpResponse<?> refusal(HttpRequest<?> request, Argument<?> type, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        request.setAttribute(ProblemResponses.RAW_BODY_ATTRIBUTE, body);
        if (!StrictJson.checks(type)) {
            return null;
        }
        StrictJson.Violation violation = StrictJson.check(type, body);
        return violation == null ? null
                : BadInput.response(HttpStatus.BAD_REQUEST, violation.field(), violation.detail());
    }

    /** A body without a Content-Type never gets this far: RequestBodyFilter answers 415. */
    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
    }

    private static Optional<Argument<?>> bodyType(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).flatMap(RouteInfo::getBodyArgument);
    }
}
