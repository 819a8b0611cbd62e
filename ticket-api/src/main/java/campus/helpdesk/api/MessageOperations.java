package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.util.List;

/** Messages under a ticket, oldest first. Students never receive internal notes. */
public interface MessageOperations {

    @Get("/api/tickets/{id}/messages")
    List<Message> messages(@PathVariable long id);

    /**
     * An {@code Idempotency-Key} works as for a new ticket: a retry with the same key and body gets the first
     * message (200, {@code Idempotent-Replayed: true}), the same key with another body is a 422.
     */
    @Post("/api/tickets/{id}/messages")
    HttpResponse<Message> post(@PathVariable long id, @Body @Valid NewMessage message,
                               @Nullable @Header(HelpdeskHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    /** Without a key: every call posts a new message. */
    default HttpResponse<Message> post(long id, NewMessage message) {
        return post(id, message, null);
    }
}
