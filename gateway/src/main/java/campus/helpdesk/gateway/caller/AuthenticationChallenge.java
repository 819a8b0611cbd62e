package campus.helpdesk.gateway.caller;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Every 401 the gateway gives says how to authenticate, as HTTP asks of a 401 (RFC 9110, 15.5.2): with an API token
 * ({@code Bearer}). A browser's page signs in through its own screen; the Bearer scheme opens no login dialog. A
 * client library waiting for the challenge before it sends its token got none (found by an API tester).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationChallenge implements Ordered {

    static final String CHALLENGE = "Bearer realm=\"Campus Helpdesk\"";

    /** Outside every filter that answers 401 itself (the proxy's caller check, the metrics guard, the live stream). */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    public void challenge(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // The intake's 401 is for a body signed wrongly: no token would help there.
        if (response.getStatus() == HttpStatus.UNAUTHORIZED && !request.getPath().startsWith("/api/intake/")
                && !response.getHeaders().contains(HttpHeaders.WWW_AUTHENTICATE)) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
    }
}
