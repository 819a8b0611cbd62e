package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to {@code POST /api/tokens}: the one and only time the token's value is shown. */
@Serdeable
public record IssuedApiToken(ApiToken token, String value) {
}
