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
 * Personal API tokens for analysts' BI tools and scripts. Staff list, issue and revoke them; the gateway verifies
 * the token of each request that carries one (it alone may call {@link #verify}).
 */
public interface ApiTokenOperations {

    String VERIFY_PATH = "/api/tokens/verify";

    @Get("/api/tokens")
    List<ApiToken> tokens();

    @Post("/api/tokens")
    HttpResponse<IssuedApiToken> issue(@Body @Valid NewApiToken token);

    @Delete("/api/tokens/{name}")
    ApiToken revoke(@PathVariable String name);

    /** The token's holder (200), or 401 when it is unknown, revoked or expired. */
    @Post(VERIFY_PATH)
    ApiToken verify(@Body TokenCheck check);
}
