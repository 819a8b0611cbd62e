package campus.helpdesk.support.identity;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;

import java.security.Principal;

/** A staff-only endpoint that says whom the token named. */
@Controller("/whoami")
@Secured(ServiceRoles.STAFF)
class WhoAmIController {

    @Get(produces = "text/plain")
    String whoAmI(Principal principal) {
        return principal.getName();
    }
}
