package campus.helpdesk.gateway.caller;

import campus.helpdesk.gateway.session.GatewayRole;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Who makes a request at the gateway: a person with a session cookie, or a script with a personal API token.
 *
 * @param name      the person's display name, or the token's owner
 * @param sessionId the session's id; null for a token
 * @param tokenName the API token's name; null for a session
 * @param expiresAt when the session or token stops working
 */
public record Caller(String name, GatewayRole role, @Nullable String sessionId, @Nullable String tokenName,
                     Instant expiresAt) {

    public boolean viaToken() {
        return tokenName != null;
    }
}
