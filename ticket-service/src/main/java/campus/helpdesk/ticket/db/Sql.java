package campus.helpdesk.ticket.db;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The few JDBC conversions every feature needs (timestamptz ↔ Instant, nullable values). */
public final class Sql {

    private Sql() {
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static void setInstant(PreparedStatement ps, int index, @Nullable Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    public static void setNullableString(PreparedStatement ps, int index, @Nullable String value)
            throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    public static void setNullableLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /**
     * Binds {@code values} from {@code index} on, each by its type (null as a null text, String[] as a text array);
     * the next free index.
     */
    public static int bind(Connection c, PreparedStatement ps, int index, List<?> values) throws SQLException {
        int i = index;
        for (Object value : values) {
            switch (value) {
                case null -> ps.setNull(i, Types.VARCHAR);
                case String[] array -> ps.setArray(i, c.createArrayOf("text", array));
                case Instant instant -> setInstant(ps, i, instant);
                case Boolean flag -> ps.setBoolean(i, flag);
                case Long number -> ps.setLong(i, number);
                default -> ps.setString(i, value.toString());
            }
            i++;
        }
        return i;
    }

    public static @Nullable String enumName(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
