package campus.helpdesk.ticket.identity;

import campus.helpdesk.api.Role;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/**
 * Who is calling: the person named by the service token the gateway minted for this request (Micronaut Security
 * has checked its signature, expiry and audience, and {@code @Secured} its role, before any controller runs).
 */
public record Identity(Role role, String user) {

    public boolean isStaff() {
        return role == Role.STAFF;
    }

    /** The person behind the request being served; only people's roles (STUDENT, STAFF) have one. */
    public static Identity current() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getUserPrincipal(Authentication.class))
                .flatMap(Identity::of)
                .orElseThrow(() -> Problems.of(HttpStatus.FORBIDDEN, "Only a student or staff member may do this"));
    }

    static Optional<Identity> of(Authentication authentication) {
        for (Role role : Role.values()) {
            if (authentication.getRoles().contains(role.name())) {
                return Optional.of(new Identity(role, authentication.getName()));
            }
        }
        return Optional.empty();
    }
}
