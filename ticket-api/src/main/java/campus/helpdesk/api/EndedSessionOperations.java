package campus.helpdesk.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.util.List;

/**
 * The sign-outs every gateway replica must honour, kept where the data lives so that they outlast a gateway's
 * restart and reach its other replicas: a signed cookie alone would verify until it expires. The gateway alone
 * calls these.
 */
public interface EndedSessionOperations {

    String PATH = "/api/sessions/ended";

    /** Remembers a sign-out until the session would have expired (204; again for the same id changes nothing). */
    @Post(PATH)
    HttpResponse<Void> end(@Body @Valid EndedSession session);

    /** Every sign-out whose session has not expired yet. */
    @Get(PATH)
    List<EndedSession> ended();
}
