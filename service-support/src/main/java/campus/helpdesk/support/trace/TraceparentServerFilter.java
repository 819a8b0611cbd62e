package campus.helpdesk.support.trace;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.MDC;

import java.util.HashMap;

/**
 * Takes the W3C {@code traceparent} of every request (or starts a trace), puts the trace id into the SLF4J MDC
 * as {@code traceId} for as long as the request is served, on whatever thread serves it, and echoes the
 * traceparent in the response so a caller can find the logs of its request.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class TraceparentServerFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        // First of all filters, so that even the logs of the other filters carry the trace id.
        return ServerFilterPhase.FIRST.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Traceparent inbound = Traceparent.parse(request.getHeaders().get(Traceparent.HEADER))
            .orElseGet(Traceparent::newRoot);
        CurrentTrace trace = new CurrentTrace(inbound, Traceparent.newSpanId());
        // Keep whatever else an outer layer put into the MDC; MdcPropagationContext replaces the whole map.
        var mdc = new HashMap<String, String>();
        var existing = MDC.getCopyOfContextMap();
        if (existing != null) {
            mdc.putAll(existing);
        }
        mdc.put(CurrentTrace.MDC_TRACE_ID, inbound.traceId());
        mdc.put(CurrentTrace.MDC_SPAN_ID, trace.spanId());
        try (PropagatedContext.Scope ignore = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(mdc))
                .plus(trace)
                .propagate()) {
            // set, not add: a proxied response already carries the downstream service's echo.
            return Publishers.map(chain.proceed(request), response -> {
                response.getHeaders().set(Traceparent.HEADER, inbound.header());
                return response;
            });
        }
    }
}
