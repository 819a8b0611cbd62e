package campus.helpdesk.gateway.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What {@code GET /api/session} answers: the signed-in person (or nulls) and whether staff need the access code,
 * so the sign-in screen knows whether to show that field.
 */
@Serdeable
public record SessionView(boolean signedIn, @Nullable String name, @Nullable GatewayRole role,
                          @Nullable Instant expiresAt, boolean staffCodeRequired) {

    static SessionView of(@Nullable Session session, boolean staffCodeRequired) {
        return session == null
                ? new SessionView(false, null, null, null, staffCodeRequired)
                : new SessionView(true, session.name(), session.role(), session.expiresAt(), staffCodeRequired);
    }
}
