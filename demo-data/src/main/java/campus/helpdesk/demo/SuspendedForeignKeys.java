package campus.helpdesk.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * For a big load, the per-row checks of the foreign keys from messages and events to tickets cost PostgreSQL
 * more than the COPY of those rows itself (measured: ~4.6 µs per row, a third of the whole load). So a big
 * seed drops them and adds them back afterwards, exactly as they were ({@code pg_get_constraintdef}), first as
 * NOT VALID and then validated in one pass: a join instead of millions of lookups, without blocking writers.
 * The rows are generated against ids reserved in the same run, so the validation cannot fail.
 */
final class SuspendedForeignKeys implements AutoCloseable {

    private record Key(String table, String name, String definition) {
    }

    private final DemoDataLoader.Connector connector;
    private final List<Key> keys;

    private SuspendedForeignKeys(DemoDataLoader.Connector connector, List<Key> keys) {
        this.connector = connector;
        this.keys = keys;
    }

    /**
     * Drops the foreign keys into {@code tickets} from the message and event tables. Gives up (keeps them, the
     * load is only slower) when a running service holds the tables for more than a few seconds.
     */
    static SuspendedForeignKeys suspend(DemoDataLoader.Connector connector) throws SQLException {
        List<Key> keys = new ArrayList<>();
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("""
                    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE contype = 'f' AND confrelid = 'tickets'::regclass
                      AND conrelid IN ('ticket_event'::regclass, 'ticket_message'::regclass)""")) {
                while (rs.next()) {
                    keys.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            try {
                s.execute("SET LOCAL lock_timeout = '5s'");
                for (Key key : keys) {
                    s.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quote(key.name()));
                }
                c.commit();
            } catch (SQLException busy) {
                c.rollback();
                keys.clear();
            }
        }
        return new SuspendedForeignKeys(connector, keys);
    }

    boolean suspended() {
        return !keys.isEmpty();
    }

    /** Restores every dropped key. */
    @Override
    public void close() throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            for (Key key : keys) {
                s.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + quote(key.name()) + " "
                        + key.definition() + " NOT VALID");
            }
            for (Key key : keys) {
                s.execute("ALTER TABLE " + key.table() + " VALIDATE CONSTRAINT " + quote(key.name()));
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
