package campus.helpdesk.tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What API tokens and integrations have in common: a table of named secrets, each live until revoked by name, listed
 * newest first with revoked ones included (they show when access ended), never with the secret itself.
 */
final class NamedSecrets {

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private NamedSecrets() {
    }

    static <T> List<T> list(Connection c, String table, String columns, Row<T> row) throws SQLException {
        List<T> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + columns + " FROM " + table + " ORDER BY created_at DESC, id DESC");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                all.add(row.read(rs));
            }
        }
        return all;
    }

    /** Revokes the live one called {@code name}; {@code noun} names what it is in the 404 ("token"). */
    static <T> T revoke(Connection c, String table, String columns, String name, String by, String noun, Row<T> row)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET revoked_at = now(), revoked_by = ? "
                + "WHERE name = ? AND revoked_at IS NULL RETURNING " + columns)) {
            s.setString(1, by);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new TokenException(TokenException.Kind.NOT_FOUND, "name",
                            "No " + noun + " called '" + name + "' is active");
                }
                return row.read(rs);
            }
        }
    }
}
