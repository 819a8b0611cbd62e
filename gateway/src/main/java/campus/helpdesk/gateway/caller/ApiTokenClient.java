package campus.helpdesk.gateway.caller;

import campus.helpdesk.api.ApiToken;
import campus.helpdesk.api.ApiTokenOperations;
import campus.helpdesk.api.TokenCheck;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import org.reactivestreams.Publisher;

/** ticket-service's check of an API token, called with the gateway's own GATEWAY token. */
@Client(id = "ticket-service")
public interface ApiTokenClient {

    @Post(ApiTokenOperations.VERIFY_PATH)
    Publisher<ApiToken> verify(@Header(HttpHeaders.AUTHORIZATION) String authorization, @Body TokenCheck check);
}
