package campus.helpdesk.support.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request ({@code GET /api/tickets 200 12ms}), with the request's trace id, when
 * {@code HELPDESK_ACCESS_LOG_ENABLED=true}. Off by default: at thousands of requests a second the console
 * would cost more than the request. The path is logged without its query, which may hold search text.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = "helpdesk.access-log.enabled", value = "true")
public class AccessLogFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger("campus.helpdesk.access");

    @Override
    public int getOrder() {
        // Just inside the trace filter, so the line carries the trace id and times everything else.
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long start = System.nanoTime();
        return Publishers.map(chain.proceed(request), response -> {
            LOG.info("{} {} {} {}ms", request.getMethodName(), request.getPath(), response.code(),
                (System.nanoTime() - start) / 1_000_000);
            return response;
        });
    }
}
