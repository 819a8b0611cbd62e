package campus.helpdesk.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.util.List;

/**
 * Campus systems (building management, the network monitor) that open tickets through the signed intake,
 * {@code POST /api/intake/{name}}. Staff list, create and revoke them; a secret is shown once, at creation.
 */
public interface IntegrationOperations {

    /** The header naming a delivery: a sender's retry with the same id gets the first ticket. */
    String DELIVERY_ID = "X-Delivery-Id";

    @Get("/api/integrations")
    List<Integration> integrations();

    @Post("/api/integrations")
    HttpResponse<IssuedIntegration> create(@Body @Valid NewIntegration integration);

    @Delete("/api/integrations/{name}")
    Integration revoke(@PathVariable String name);
}
