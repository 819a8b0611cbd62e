package campus.helpdesk.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Each batch of the load commits tickets with their messages and events, so the validation cannot fail.
 *
 * <p>What was dropped is written to {@code suspended_foreign_keys} in the same transaction as the drop, so a load
 * that dies half-way leaves a record, not a schema without its keys: {@link #restorePending} (run at the start of
 * every load and when ticket-service starts) puts them back.
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
            try (PreparedStatement record = c.prepareStatement(
                    "INSERT INTO suspended_foreign_keys (table_name, name, definition) VALUES (?, ?, ?)")) {
                s.execute("SET LOCAL lock_timeout = '5s'");
                for (Key key : keys) {
                    s.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quote(key.name()));
                    record.setString(1, key.table());
                    record.setString(2, key.name());
                    record.setString(3, key.definition());
                    record.executeUpdate();
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
        if (!keys.isEmpty()) {
            restorePending(connector);
        }
    }

    /**
     * Restores the keys an earlier load dropped and did not restore (it was killed, or the database went away):
     * each is added back NOT VALID unless it exists, validated, and struck off the list. Returns how many. The keys
     * are validated side by side, each on its own connection: a validation reads its whole table on one core, and
     * each takes a lock that leaves the other free (its own table, and a row-share lock on tickets).
     */
    static int restorePending(DemoDataLoader.Connector connector) throws SQLException {
        List<Key> pending = new ArrayList<>();
        try (Connection c = connector.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, name, definition FROM suspended_foreign_keys")) {
            while (rs.next()) {
                pending.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        if (pending.size() == 1) {
            restore(connector, pending.getFirst());
        } else if (pending.size() > 1) {
            Parallel.run(pending.stream().<Parallel.Task>map(key -> () -> restore(connector, key)).toList());
        }
        return pending.size();
    }

    private static void restore(DemoDataLoader.Connector connector, Key key) throws SQLException {
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            if (!exists(c, key)) {
                // Enforced for new rows at once; the rows already there are checked by the validation below.
                s.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + quote(key.name()) + " "
                        + key.definition() + " NOT VALID");
            }
            // A light lock, so writers go on meanwhile; a no-op when the key is valid already.
            s.execute("SET statement_timeout = 0");
            s.execute("ALTER TABLE " + key.table() + " VALIDATE CONSTRAINT " + quote(key.name()));
            s.execute("RESET statement_timeout");
            // Struck off only now: a restore that dies half-way is simply done again.
            try (PreparedStatement done = c.prepareStatement(
                    "DELETE FROM suspended_foreign_keys WHERE table_name = ? AND name = ?")) {
                done.setString(1, key.table());
                done.setString(2, key.name());
                done.executeUpdate();
            }
        }
    }

    private static boolean exists(Connection c, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_constraint WHERE conname = ? AND conrelid = ?::regclass")) {
            ps.setString(1, key.name());
            ps.setString(2, key.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
