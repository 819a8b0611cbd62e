package campus.helpdesk.support.trace;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.reactivestreams.Publisher;
import org.slf4j.MDC;

/** A stand-in for a service: reports what it sees, calls "downstream" (itself) by client and by proxy. */
@Requires(env = "test")
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/trace")
class TraceTestController {

    @Serdeable
    record Seen(String traceId, String traceparent) {
    }

    private final Downstream downstream;
    private final ProxyHttpClient proxy;

    TraceTestController(Downstream downstream, @Client("/") ProxyHttpClient proxy) {
        this.downstream = downstream;
        this.proxy = proxy;
    }

    /** What a downstream service sees: the MDC trace id and the traceparent header it received. */
    @Get("/seen")
    Seen seen(@Header(value = Traceparent.HEADER, defaultValue = "") String traceparent) {
        return new Seen(MDC.get(CurrentTrace.MDC_TRACE_ID), traceparent);
    }

    /** The same on a worker thread, as blocking controllers (JDBC) run. */
    @Get("/seen-blocking")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Seen seenBlocking(@Header(value = Traceparent.HEADER, defaultValue = "") String traceparent) {
        return new Seen(MDC.get(CurrentTrace.MDC_TRACE_ID), traceparent);
    }

    /** Calls downstream with a declarative client from a worker thread. */
    @Get("/via-client")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Seen viaClient() {
        return downstream.seen();
    }

    /** Forwards the request as the gateway does, with its headers, including the caller's traceparent. */
    @Get("/via-proxy")
    Publisher<MutableHttpResponse<?>> viaProxy(HttpRequest<?> request) {
        return proxy.proxy(request.mutate()
            .uri(b -> b.replacePath("/trace/seen"))
            .header(HttpHeaders.ACCEPT, "application/json"));
    }
}
