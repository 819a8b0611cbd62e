package campus.helpdesk.tokens;

import java.time.Instant;

/** An integration as staff see it in a list: never its secret, which only {@link IssuedIntegration} carries, once. */
public record IntegrationInfo(String name, String createdBy, Instant createdAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
