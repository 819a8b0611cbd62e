package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A personal API token as staff see it in the list: never its secret value.
 *
 * @param role  ANALYST or STAFF: the token may do what a person signed in with that role may
 * @param owner who issued it; requests made with it act under this name
 */
@Serdeable
public record ApiToken(String name, String role, String owner, Instant createdAt, Instant expiresAt,
                       @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, boolean active) {
}
