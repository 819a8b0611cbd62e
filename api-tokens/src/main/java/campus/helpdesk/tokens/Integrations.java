package campus.helpdesk.tokens;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Campus systems that open tickets through the signed webhook intake ({@code POST /api/intake/{name}}): create,
 * list, revoke, and the secret of a live one, in the {@code integrations} table. Plain JDBC for the same reason as
 * {@link ApiTokens}: ticket-service and {@code ./helpdesk integration} share these rules without a Micronaut context.
 *
 * <p>Unlike a token, the secret is stored as it is: the intake computes an HMAC with it, which a hash of the secret
 * cannot do. SECURITY.md says how that table is protected and how to rotate a secret (revoke, create again).
 */
public final class Integrations {

    public static final String PREFIX = "hds_";
    /** A slug: it is part of the intake's URL and the reporter name of the tickets it opens. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "name, created_by, created_at, revoked_at";

    private Integrations() {
    }

    /** Creates an integration; its secret is in the result and, for the HMAC, in the table only. */
    public static IssuedIntegration create(Connection c, String name, String by) throws SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TokenException(TokenException.Kind.INVALID, "name",
                    "An integration name is 1 to 40 lowercase letters, digits or '-', starting with a letter or digit.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO integrations (name, secret, created_by) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING " + COLUMNS)) {
            s.setString(1, name);
            s.setString(2, secret);
            s.setString(3, by);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new TokenException(TokenException.Kind.CONFLICT, "name",
                            "an integration called '" + name + "' exists; revoke it first or choose another name");
                }
                return new IssuedIntegration(info(rs), secret);
            }
        }
    }

    /** Every integration, newest first, revoked ones included; never a secret. */
    public static List<IntegrationInfo> list(Connection c) throws SQLException {
        return NamedSecrets.list(c, "integrations", COLUMNS, Integrations::info);
    }

    /** Revokes the live integration of that name; its next delivery is refused. */
    public static IntegrationInfo revoke(Connection c, String name, String by) throws SQLException {
        return NamedSecrets.revoke(c, "integrations", COLUMNS, name, by, "integration", Integrations::info);
    }

    /** The secret of the live integration of that name; empty when it is unknown, revoked or not a name at all. */
    public static Optional<String> secret(Connection c, String name) throws SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT secret FROM integrations WHERE name = ? AND revoked_at IS NULL")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static IntegrationInfo info(ResultSet rs) throws SQLException {
        return new IntegrationInfo(rs.getString("name"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
