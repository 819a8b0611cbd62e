package campus.helpdesk.support.trace;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;

@Requires(env = "test")
@Client("/trace")
interface Downstream {
    @Get("/seen")
    TraceTestController.Seen seen();
}
