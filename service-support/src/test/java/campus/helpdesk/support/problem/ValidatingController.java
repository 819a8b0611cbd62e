package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** A route with a validated body, as every service's contract records are. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/problem")
class ValidatingController {

    @Serdeable
    record Report(@NotBlank @Size(max = 20) String title, @NotBlank String description, @Nullable Integer days,
                  @Nullable List<@Positive Long> tickets) {
    }

    @Post("/report")
    Report report(@Body @Valid Report report) {
        return report;
    }

    @Post("/json")
    Map<String, Object> json(@Body Map<String, Object> body) {
        return body;
    }
}
