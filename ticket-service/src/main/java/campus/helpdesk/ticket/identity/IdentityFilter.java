package campus.helpdesk.ticket.identity;

import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.Role;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Locale;

/**
 * Every /api request must say who is calling. ticket-service is never published outside the gateway, which
 * strips these headers from browsers and sets them itself, so here they are trusted once well-formed.
 * /health, /prometheus and the OpenAPI pages stay open because they are outside /api.
 */
@ServerFilter("/api/**")
public class IdentityFilter {

    static final int MAX_USER_LENGTH = 80;

    @RequestFilter
    public void identify(HttpRequest<?> request) {
        request.setAttribute(Identity.ATTRIBUTE, parse(request.getHeaders().get(HelpdeskHeaders.ROLE),
                request.getHeaders().get(HelpdeskHeaders.USER)));
    }

    static Identity parse(@Nullable String role, @Nullable String user) {
        if (role == null || user == null) {
            throw unauthorized("Send the headers " + HelpdeskHeaders.ROLE + " (STUDENT or STAFF) and "
                    + HelpdeskHeaders.USER + " (your name, 1-80 characters)");
        }
        Role parsedRole;
        try {
            parsedRole = Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unauthorized(HelpdeskHeaders.ROLE + " must be STUDENT or STAFF");
        }
        String name;
        try {
            name = HelpdeskHeaders.decodeUser(user).strip();
        } catch (IllegalArgumentException e) {
            throw unauthorized(HelpdeskHeaders.USER + " is not a valid UTF-8'' percent-encoded name");
        }
        if (name.isEmpty() || name.length() > MAX_USER_LENGTH) {
            throw unauthorized(HelpdeskHeaders.USER + " must be 1-" + MAX_USER_LENGTH + " characters");
        }
        return new Identity(parsedRole, name);
    }

    private static RuntimeException unauthorized(String detail) {
        return Problems.of(HttpStatus.UNAUTHORIZED, detail);
    }
}
