package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/tokens/verify}: the bearer token a request to the gateway carried. */
@Serdeable
public record TokenCheck(@Nullable String token) {
}
