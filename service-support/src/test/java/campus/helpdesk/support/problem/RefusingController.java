package campus.helpdesk.support.problem;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/problem")
class RefusingController {

    @Get("/conflict")
    String conflict() {
        throw new HelpdeskProblem(HttpStatus.CONFLICT, "Stale version", "You sent version 2; it is now 3",
                Map.of("currentVersion", 3));
    }
}
