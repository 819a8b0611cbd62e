package campus.helpdesk.support.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request ({@code GET /api/tickets 200 12ms}), with the request's trace id, when
 * {@code HELPDESK_ACCESS_LOG_ENABLED=true}. Off by default: at thousands of requests a second the console
 * would cost more than the request. The path is logged without its query, which may hold search text.
 *
 * <p>A response filter method, not a wrapping {@code HttpServerFilter}: the health endpoint sets its 503 in a
 * response filter of its own, which a wrapping filter sees too early (it would log 200).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "helpdesk.access-log.enabled", value = "true")
public class AccessLogFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("campus.helpdesk.access");
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";

    @Override
    public int getOrder() {
        // Just inside the trace filter, so the line carries the trace id and times everything else.
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    public void started(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void finished(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
        LOG.info("{} {} {} {}ms", request.getMethodName(), request.getPath(), response.code(),
            (System.nanoTime() - started) / 1_000_000);
    }
}
