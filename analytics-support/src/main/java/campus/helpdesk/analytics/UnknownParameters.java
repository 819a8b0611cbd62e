package campus.helpdesk.analytics;

import campus.helpdesk.support.problem.BadInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteMatch;

import java.util.List;

/**
 * An analytics question with a parameter its route does not take is a 400 naming that parameter and the ones it
 * takes. Answered as if the parameter were not there, {@code /sla?category=IT} gave the whole desk's figures to a
 * script that believed them IT's, and nothing in the answer said the filter was dropped (found by a tester).
 */
@ServerFilter("/api/analytics/**")
public class UnknownParameters implements Ordered {

    /** After the security filter: a caller without credentials is told so (401), not which parameters a route takes. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public @Nullable HttpResponse<?> refuseUnknown(HttpRequest<?> request) {
        if (!(request.getAttribute(HttpAttributes.ROUTE_MATCH).orElse(null) instanceof UriRouteMatch<?, ?> route)) {
            return null;
        }
        List<String> taken = route.getRouteInfo().getUriMatchTemplate().getVariableNames();
        for (String name : request.getParameters().names()) {
            if (!taken.contains(name)) {
                String shown = Parameters.shorten(name);
                return BadInput.response(HttpStatus.BAD_REQUEST, shown, shown + ": " + request.getPath()
                        + " takes no parameter '" + shown + "'" + (taken.isEmpty() ? " (it takes none)"
                        : " (it takes " + String.join(", ", taken) + ")"));
            }
        }
        return null;
    }
}
