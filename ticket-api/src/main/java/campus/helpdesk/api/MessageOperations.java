package campus.helpdesk.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.util.List;

/** Messages under a ticket, oldest first. Students never receive internal notes. */
public interface MessageOperations {

    @Get("/api/tickets/{id}/messages")
    List<Message> messages(@PathVariable long id);

    @Post("/api/tickets/{id}/messages")
    HttpResponse<Message> post(@PathVariable long id, @Body @Valid NewMessage message);
}
