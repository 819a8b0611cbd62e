package campus.helpdesk.api;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

/** Suggests a category (and maybe a priority) for a text, as the report form types. Changes nothing. */
public interface ClassifyOperations {

    @Post("/api/tickets/classify")
    Classification classify(@Body @Valid ClassifyRequest request);
}
