package campus.helpdesk.support.negotiation;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/negotiation")
class NegotiatingController {

    @Get("/json")
    Map<String, String> json() {
        return Map.of("answer", "json");
    }

    /** Like an analytics answer: JSON, or CSV when asked for. */
    @Get(value = "/json-or-csv", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    String jsonOrCsv() {
        return "answer";
    }
}
