package campus.helpdesk.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target of one binary COPY: a table, the columns the rows fill in this order, and (once {@link #resolved}) the
 * kind of value each column takes, read from PostgreSQL's catalogue so the writer sends exactly its binary form.
 */
final class CopyColumns {

    /** The binary forms the demo loader writes. */
    enum Kind { TEXT, JSONB, INT2, INT4, INT8, FLOAT4, FLOAT8, BOOL, TIMESTAMP }

    private static final String TYPES = "SELECT a.attname, t.typname, t.typtype FROM pg_attribute a"
            + " JOIN pg_type t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped";

    private final String table;
    private final List<String> names;
    private final List<Kind> kinds;

    CopyColumns(String table, String... names) {
        this(table, List.of(names), null);
    }

    private CopyColumns(String table, List<String> names, List<Kind> kinds) {
        this.table = table;
        this.names = names;
        this.kinds = kinds;
    }

    /** These columns with their kinds as the database in front of {@code connection} has them. */
    CopyColumns resolved(Connection connection) throws SQLException {
        Map<String, Kind> byName = new HashMap<>();
        try (PreparedStatement types = connection.prepareStatement(TYPES)) {
            types.setString(1, table);
            try (ResultSet rs = types.executeQuery()) {
                while (rs.next()) {
                    Kind kind = kind(rs.getString(2), rs.getString(3));
                    if (kind != null) {
                        byName.put(rs.getString(1), kind);
                    }
                }
            }
        }
        List<Kind> resolved = names.stream().map(name -> {
            Kind kind = byName.get(name);
            if (kind == null) {
                throw new DemoDataException("Column " + table + "." + name
                        + " is missing, or of a type the demo loader cannot write");
            }
            return kind;
        }).toList();
        return new CopyColumns(table, names, resolved);
    }

    private static Kind kind(String type, String typtype) {
        if ("e".equals(typtype)) {
            return Kind.TEXT; // an enum's binary form is its label
        }
        return switch (type) {
            case "text", "varchar", "bpchar", "json" -> Kind.TEXT;
            case "jsonb" -> Kind.JSONB;
            case "int2" -> Kind.INT2;
            case "int4" -> Kind.INT4;
            case "int8" -> Kind.INT8;
            case "float4" -> Kind.FLOAT4;
            case "float8" -> Kind.FLOAT8;
            case "bool" -> Kind.BOOL;
            case "timestamptz", "timestamp" -> Kind.TIMESTAMP;
            default -> null;
        };
    }

    String copySql() {
        return "COPY " + table + " (" + String.join(", ", names) + ") FROM STDIN (FORMAT binary)";
    }

    String table() {
        return table;
    }

    int size() {
        return names.size();
    }

    String name(int index) {
        return names.get(index);
    }

    Kind kind(int index) {
        if (kinds == null) {
            throw new IllegalStateException("Resolve the columns of " + table + " first");
        }
        return kinds.get(index);
    }
}
