package campus.helpdesk.gateway.session;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Who is signed in, as carried by the signed cookie. */
@Serdeable
public record Session(String name, GatewayRole role, Instant expiresAt) {
}
