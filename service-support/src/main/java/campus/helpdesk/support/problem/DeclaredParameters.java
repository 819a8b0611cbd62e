package campus.helpdesk.support.problem;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteMatch;

import java.util.List;

/**
 * A question with a parameter its route does not declare is a 400 naming that parameter and the ones the route
 * takes. Answered as if it were not there, {@code /sla?category=IT} gave the whole desk's figures to a script that
 * believed them IT's, and {@code /api/tickets?categroy=IT} every ticket: nothing in the answer said the filter was
 * dropped. For the GET routes a service names in {@value #PATHS} (a path, or a prefix ending in {@code /**}), whose
 * every parameter is in their URI template. After the security filter: a caller without credentials is told so, not
 * which parameters a route takes.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = DeclaredParameters.PATHS)
public class DeclaredParameters implements Ordered {

    public static final String PATHS = "helpdesk.declared-parameters.paths";
    private static final String BELOW = "/**";
    private static final int SHOWN = 40;

    private final List<String> paths;

    public DeclaredParameters(@Property(name = PATHS) List<String> paths) {
        this.paths = paths;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public @Nullable HttpResponse<?> refuseUndeclared(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET || !applies(request.getPath())) {
            return null;
        }
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

    private boolean applies(String path) {
        return paths.stream().anyMatch(p -> p.endsWith(BELOW)
                ? path.startsWith(p.substring(0, p.length() - BELOW.length()) + "/") : path.equals(p));
    }
}
