package campus.helpdesk.analytics;

import campus.helpdesk.support.problem.DeclaredParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/** Every analytics question declares its parameters: one it does not take is a 400 ({@link DeclaredParameters}). */
@ServerFilter("/api/analytics/**")
public class UnknownParameters implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public @Nullable HttpResponse<?> refuseUnknown(HttpRequest<?> request) {
        return DeclaredParameters.refusal(request);
    }
}
