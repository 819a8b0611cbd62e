package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.web.router.UriRouteMatch;

import java.util.List;

/**
 * A question with a parameter its route does not declare is a 400 naming that parameter and the ones the route
 * takes. Answered as if it were not there, {@code /sla?category=IT} gave the whole desk's figures to a script that
 * believed them IT's, and {@code /api/tickets?categroy=IT} every ticket: nothing in the answer said the filter was
 * dropped. The routes' own filters (run after the security filter, so a caller without credentials is told so, not
 * which parameters a route takes) ask {@link #refusal} on the routes whose every parameter is in their URI template.
 */
public final class DeclaredParameters {

    private static final int SHOWN = 40;

    private DeclaredParameters() {
    }

    /** The 400 for the first parameter the matched route does not declare; null when there is none. */
    public static @Nullable HttpResponse<?> refusal(HttpRequest<?> request) {
        if (!(request.getAttribute(HttpAttributes.ROUTE_MATCH).orElse(null) instanceof UriRouteMatch<?, ?> route)) {
            return null;
        }
        List<String> taken = route.getRouteInfo().getUriMatchTemplate().getVariableNames();
        for (String name : request.getParameters().names()) {
            if (!taken.contains(name)) {
                String shown = name.length() <= SHOWN ? name : name.substring(0, SHOWN) + "…";
                return BadInput.response(HttpStatus.BAD_REQUEST, shown, shown + ": " + request.getPath()
                        + " takes no parameter '" + shown + "'" + (taken.isEmpty() ? " (it takes none)"
                        : " (it takes " + String.join(", ", taken) + ")"));
            }
        }
        return null;
    }
}
