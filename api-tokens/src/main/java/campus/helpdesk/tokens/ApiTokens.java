package campus.helpdesk.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues, lists, revokes and verifies personal API tokens in the {@code api_tokens} table. Each call runs on the
 * connection it is given, so ticket-service uses its pool and {@code ./helpdesk token} a direct connection, with
 * the same rules. That is why this is plain JDBC and not a Micronaut Data repository: the launcher runs without a
 * Micronaut context, and a repository for ticket-service beside this class would be a second copy of the rules
 * (the name check, hashing, expiry, the throttled last-used write).
 *
 * <p>A token is {@code hdt_} followed by 43 base64url characters (256 random bits). The prefix lets secret
 * scanners and people recognise one; only its SHA-256 is stored, so a copy of the database grants nothing.
 */
public final class ApiTokens {

    public static final String PREFIX = "hdt_";
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 730;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");
    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "name, role, owner, created_at, expires_at, last_used_at, revoked_at";
    /** last_used_at is written at most this often, so a busy BI tool does not turn every read into a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private ApiTokens() {
    }

    /** Issues a token; its value is in the result and nowhere else. */
    public static IssuedToken create(Connection c, String name, TokenRole role, String owner, int days)
            throws SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TokenException(TokenException.Kind.INVALID, "name",
                    "A token name is 1 to 60 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new TokenException(TokenException.Kind.INVALID, "days",
                    "A token lives 1 to " + MAX_DAYS + " days.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String sql = "INSERT INTO api_tokens (name, role, owner, token_hash, expires_at) "
                + "VALUES (?, ?, ?, ?, now() + make_interval(days => ?)) ON CONFLICT DO NOTHING RETURNING " + COLUMNS;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, role.name());
            s.setString(3, owner);
            s.setBytes(4, hash(token));
            s.setInt(5, days);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new TokenException(TokenException.Kind.CONFLICT, "name",
                            "a token called '" + name + "' exists; revoke it first or choose another name");
                }
                return new IssuedToken(info(rs), token);
            }
        }
    }

    /** Every token, newest first, revoked and expired ones included (they show when access ended). */
    public static List<TokenInfo> list(Connection c) throws SQLException {
        return NamedSecrets.list(c, "api_tokens", COLUMNS, ApiTokens::info);
    }

    /** Revokes the token of that name at once; the next request made with it is refused. */
    public static TokenInfo revoke(Connection c, String name, String by) throws SQLException {
        return NamedSecrets.revoke(c, "api_tokens", COLUMNS, name, by, "token", ApiTokens::info);
    }

    /** The token's holder when it is well-formed, known, not revoked and not expired; else empty. */
    public static Optional<TokenInfo> verify(Connection c, String token) throws SQLException {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        TokenInfo info;
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens "
                + "WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > now()")) {
            s.setBytes(1, hash(token));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                info = info(rs);
            }
        }
        if (info.lastUsedAt() == null || info.lastUsedAt().isBefore(Instant.now().minus(LAST_USED_PRECISION))) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE api_tokens SET last_used_at = now() WHERE token_hash = ?")) {
                s.setBytes(1, hash(token));
                s.executeUpdate();
            }
        }
        return Optional.of(info);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static TokenInfo info(ResultSet rs) throws SQLException {
        return new TokenInfo(rs.getString("name"), TokenRole.valueOf(rs.getString("role")), rs.getString("owner"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
