package campus.helpdesk.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * For a bulk load into a (nearly) empty desk, keeping the secondary indexes of tickets, messages and events up to
 * date row by row costs PostgreSQL more than building them once afterwards: the full-text GIN index above all, whose
 * single-row insertions each touch a posting list per word, where a build sorts all words once. So such a load drops
 * them and builds them again from their own definitions ({@code pg_get_indexdef}), two at a time.
 *
 * <p>Primary keys, unique indexes (the feed's positions: the services keep writing during a load, and a duplicate
 * would make the build fail) and indexes that back a constraint stay. What was dropped is written to {@code suspended_indexes}
 * in the same transaction as the drop, so a load that dies half-way leaves a record, not a schema without its
 * indexes: {@link #restorePending} (run at the start of every load and when ticket-service starts) builds them.
 */
final class SuspendedIndexes implements AutoCloseable {

    /** Two builds at a time: one per core of a small machine, and the largest (the GIN) overlaps the others. */
    static final int PARALLEL_BUILDS = 2;
    static final String TABLES = "'tickets'::regclass, 'ticket_message'::regclass, 'ticket_event'::regclass";

    /** One index as it was, and how long building it again took (zero until built). */
    record Index(String table, String name, String definition, Duration built) {
    }

    private final DemoDataLoader.Connector connector;
    private final List<Index> indexes;
    /**
     * Kept: the events without a feed position, which ticket-service's sequencer looks up every 50 ms while holding
     * the feed's lock. A load writes its events with their positions, so the index stays nearly empty and costs
     * nothing; without it every sweep would read the whole event table, and the load's batches would queue behind.
     */
    static final String FEED_UNSTAMPED = "ticket_event_unstamped";

    private List<Index> rebuilt = List.of();
    private boolean closed;

    private SuspendedIndexes(DemoDataLoader.Connector connector, List<Index> indexes) {
        this.connector = connector;
        this.indexes = indexes;
    }

    /**
     * Drops the secondary indexes of the three tables. Gives up (keeps them, the load is only slower) when a running
     * service holds a table for more than a few seconds.
     */
    static SuspendedIndexes suspend(DemoDataLoader.Connector connector) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            if (!recorded(s)) {
                return new SuspendedIndexes(connector, indexes);
            }
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("""
                    SELECT i.indrelid::regclass::text, x.relname, pg_get_indexdef(i.indexrelid)
                    FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
                    WHERE i.indrelid IN (%s) AND NOT i.indisprimary AND NOT i.indisunique
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                      AND x.relname <> '%s'
                    ORDER BY pg_relation_size(i.indexrelid) DESC, x.relname""".formatted(TABLES, FEED_UNSTAMPED))) {
                while (rs.next()) {
                    indexes.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3), Duration.ZERO));
                }
            }
            try (PreparedStatement record = c.prepareStatement(
                    "INSERT INTO suspended_indexes (table_name, name, definition) VALUES (?, ?, ?)")) {
                s.execute("SET LOCAL lock_timeout = '5s'");
                for (Index index : indexes) {
                    s.execute("DROP INDEX " + quote(index.name()));
                    record.setString(1, index.table());
                    record.setString(2, index.name());
                    record.setString(3, index.definition());
                    record.executeUpdate();
                }
                c.commit();
            } catch (SQLException busy) {
                c.rollback();
                indexes.clear();
            }
        }
        return new SuspendedIndexes(connector, indexes);
    }

    boolean suspended() {
        return !indexes.isEmpty();
    }

    /** The indexes built again by {@link #close}, with their build times. */
    List<Index> rebuilt() {
        return rebuilt;
    }

    /** Builds every dropped index again (once: closing twice builds nothing more). */
    @Override
    public void close() throws SQLException {
        if (!indexes.isEmpty() && !closed) {
            closed = true;
            rebuilt = build(connector);
        }
    }

    /**
     * Builds the indexes an earlier load dropped and did not build again (it was killed, or the database went away),
     * unless they exist, and strikes them off the list. Returns how many.
     */
    static int restorePending(DemoDataLoader.Connector connector) throws SQLException {
        return build(connector).size();
    }

    private static List<Index> build(DemoDataLoader.Connector connector) throws SQLException {
        ConcurrentLinkedQueue<Index> pending = new ConcurrentLinkedQueue<>();
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            if (!recorded(s)) {
                return List.of();
            }
            try (ResultSet rs = s.executeQuery("SELECT table_name, name, definition FROM suspended_indexes"
                    // The full-text index first: it takes longest, and the others fit beside it.
                    + " ORDER BY definition LIKE '%USING gin%' DESC, suspended_at, name")) {
                while (rs.next()) {
                    pending.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3), Duration.ZERO));
                }
            }
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        ConcurrentLinkedQueue<Index> built = new ConcurrentLinkedQueue<>();
        Parallel.run(Collections.<Parallel.Task>nCopies(PARALLEL_BUILDS, () -> built.addAll(buildFrom(connector, pending))));
        return List.copyOf(built);
    }

    private static List<Index> buildFrom(DemoDataLoader.Connector connector, ConcurrentLinkedQueue<Index> pending)
            throws SQLException {
        List<Index> built = new ArrayList<>();
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = 0");
            // A sorted build in memory rather than in temporary files; B-tree builds may use a parallel worker.
            s.execute("SET maintenance_work_mem = '256MB'");
            s.execute("SET max_parallel_maintenance_workers = 1");
            Index index;
            while ((index = pending.poll()) != null) {
                long started = System.nanoTime();
                if (!exists(c, index)) {
                    s.execute(index.definition());
                }
                // Struck off only now: a build that dies half-way is rolled back and simply done again.
                try (PreparedStatement done = c.prepareStatement(
                        "DELETE FROM suspended_indexes WHERE table_name = ? AND name = ?")) {
                    done.setString(1, index.table());
                    done.setString(2, index.name());
                    done.executeUpdate();
                }
                built.add(new Index(index.table(), index.name(), index.definition(),
                        Duration.ofNanos(System.nanoTime() - started)));
            }
            s.execute("RESET maintenance_work_mem");
            s.execute("RESET max_parallel_maintenance_workers");
            s.execute("RESET statement_timeout");
        }
        return built;
    }

    /**
     * Whether the schema can record a drop: a launcher newer than the desk's schema (ticket-service migrates it at
     * its next start) loads with the indexes in place rather than drop what it could not vouch for.
     */
    private static boolean recorded(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('suspended_indexes') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static boolean exists(Connection c, Index index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(?) AND indrelid = ?::regclass")) {
            ps.setString(1, quote(index.name()));
            ps.setString(2, index.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
