package campus.helpdesk.tokens;

import java.time.Instant;

/**
 * A token as staff see it in a list: never the token itself, which only {@link IssuedToken} carries, once.
 *
 * @param owner who issued it; requests made with it act under this name
 */
public record TokenInfo(String name, TokenRole role, String owner, Instant createdAt, Instant expiresAt,
                        Instant lastUsedAt, Instant revokedAt) {

    public boolean isActive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
