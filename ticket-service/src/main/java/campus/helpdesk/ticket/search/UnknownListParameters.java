package campus.helpdesk.ticket.search;

import campus.helpdesk.support.problem.DeclaredParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The ticket list and its counts take only the filters they declare: {@code ?categroy=IT} listed every ticket as if
 * filtered (found by an API tester), where the analytics answer the same mistake with a 400
 * ({@link DeclaredParameters}).
 */
@ServerFilter(patterns = {"/api/tickets", "/api/tickets/counts"}, methods = HttpMethod.GET)
public class UnknownListParameters implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public @Nullable HttpResponse<?> refuseUnknown(HttpRequest<?> request) {
        return DeclaredParameters.refusal(request);
    }
}
