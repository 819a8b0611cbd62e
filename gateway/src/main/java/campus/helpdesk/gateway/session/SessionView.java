package campus.helpdesk.gateway.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What {@code GET /api/session} answers: the signed-in person (or nulls), whether staff need the access code, so
 * the sign-in screen knows whether to show that field, and whether the browser's session ended ({@code ended}: it
 * sent a session cookie that no longer counts), so that screen can say so.
 */
@Serdeable
public record SessionView(boolean signedIn, @Nullable String name, @Nullable GatewayRole role,
                          @Nullable Instant expiresAt, boolean staffCodeRequired, boolean ended) {

    static SessionView of(@Nullable Session session, boolean staffCodeRequired) {
        return session == null
                ? new SessionView(false, null, null, null, staffCodeRequired, false)
                : new SessionView(true, session.name(), session.role(), session.expiresAt(), staffCodeRequired, false);
    }

    static SessionView ended(boolean staffCodeRequired) {
        return new SessionView(false, null, null, null, staffCodeRequired, true);
    }
}
