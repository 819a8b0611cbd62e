package campus.helpdesk.support.trace;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import org.reactivestreams.Publisher;

/**
 * Sends the current request's trace on every outgoing Micronaut HTTP client call (declarative clients, plain
 * {@code HttpClient} and {@code ProxyHttpClient}), with this service's span as the parent. A traceparent copied
 * from the inbound request (as a proxy does) is replaced, so the downstream service sees this hop as its parent.
 * Calls made outside a request (the change-feed poller) send none; the receiving service starts a trace.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class TraceparentClientFilter implements HttpClientFilter {

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        CurrentTrace.find().ifPresent(trace -> request.getHeaders().set(Traceparent.HEADER, trace.outgoing().header()));
        return chain.proceed(request);
    }
}
