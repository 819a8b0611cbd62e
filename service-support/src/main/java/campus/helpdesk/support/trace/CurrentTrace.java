package campus.helpdesk.support.trace;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.Optional;

/**
 * The trace of the request being served, carried in Micronaut's {@link PropagatedContext} so that it follows
 * the request onto other threads and into outgoing HTTP client calls.
 *
 * @param inbound the traceparent this service received (or made, when none or a malformed one came)
 * @param spanId  this service's own span for the request: the parent id of its outgoing calls
 */
public record CurrentTrace(Traceparent inbound, String spanId) implements PropagatedContextElement {

    /** MDC key holding the trace id while a request is served. */
    public static final String MDC_TRACE_ID = "traceId";
    /** MDC key holding this service's span id while a request is served. */
    public static final String MDC_SPAN_ID = "spanId";

    /** The trace of the current request, if the current thread serves one. */
    public static Optional<CurrentTrace> find() {
        return PropagatedContext.find().flatMap(ctx -> ctx.find(CurrentTrace.class));
    }

    /** The traceparent to send on a call made while serving this request. */
    public Traceparent outgoing() {
        return inbound.withParent(spanId);
    }
}
