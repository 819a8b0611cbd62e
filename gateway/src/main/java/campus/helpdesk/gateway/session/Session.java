package campus.helpdesk.gateway.session;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * Who is signed in, as carried by the signed cookie. {@code id} is random per sign-in, so that a sign-out can end
 * this session (and its live streams) while the cookie would still verify.
 */
@Serdeable
public record Session(String id, String name, GatewayRole role, Instant expiresAt) {
}
