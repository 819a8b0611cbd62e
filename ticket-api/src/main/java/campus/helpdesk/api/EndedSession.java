package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * A browser session signed out before its cookie expires: its random id (never the cookie itself) and when the
 * cookie would have stopped working anyway, after which nobody needs to remember it.
 */
@Serdeable
public record EndedSession(@NotNull(message = "A session id is required.")
                           @Pattern(regexp = "[A-Za-z0-9_-]{16,64}", message = "A session id is 16 to 64 letters, "
                                   + "digits, '-' or '_'.") String id,
                           @NotNull(message = "When the session would have expired is required.") Instant expiresAt) {
}
