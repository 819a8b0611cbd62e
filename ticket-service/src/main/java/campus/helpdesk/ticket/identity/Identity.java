package campus.helpdesk.ticket.identity;

import campus.helpdesk.api.Role;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;

/** Who is calling, as the gateway told us in the identity headers (checked by {@link IdentityFilter}). */
public record Identity(Role role, String user) {

    static final String ATTRIBUTE = "helpdesk.identity";

    public boolean isStaff() {
        return role == Role.STAFF;
    }

    /** The identity of the request being served; every /api request has one (the filter rejected the others). */
    public static Identity current() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getAttribute(ATTRIBUTE, Identity.class))
                .orElseThrow(() -> Problems.of(HttpStatus.UNAUTHORIZED, "No identity for this request"));
    }
}
