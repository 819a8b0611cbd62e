package campus.helpdesk.ticket.similar;

import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The candidates' concepts by concept (migration V13), kept up to date from {@code ticket_event}: every change to a
 * ticket, by any replica, any module or a bulk load, appends an event, so what changed since the feed position this
 * replica last saw, plus the events not stamped yet, names every ticket to index again. That is one indexed
 * statement per request when nothing changed, and it runs before the request's search, so a report filed or edited
 * through the API is compared as it now reads from the next request on.
 *
 * <p>The tables are shared by all replicas; each follows the events itself and a row is only ever replaced by a
 * newer version of its ticket, so replicas indexing the same change at once write it once. When a replica starts,
 * or finds more changes than {@link #FOLLOW_LIMIT} (a bulk load), it sweeps instead: the candidates missing or older
 * than their ticket are indexed, non-candidates dropped.
 */
@Singleton
public class SimilarIndex {

    static final int FOLLOW_LIMIT = 10_000;
    private static final int TEXT_READ = 2_000;
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SimilarIndex.class);

    /**
     * One statement, so one snapshot: an event stamped while it runs is either unstamped or above the position in
     * it, never neither; the branch column tells the two apart.
     */
    private static final String CHANGES = """
            (SELECT ticket_id, position, 0 AS branch FROM ticket_event WHERE position IS NULL LIMIT %1$d)
            UNION ALL
            (SELECT ticket_id, position, 1 FROM ticket_event WHERE position > ? ORDER BY position LIMIT %1$d)"""
            .formatted(FOLLOW_LIMIT + 1);
    private static final String CANDIDATE = "t.deleted_at IS NULL AND t.status IN ('OPEN', 'ACTIVE') AND t.opened_at > ?";
    private static final String READ = "SELECT t.id, t.version, t.opened_at, t.title, left(t.description, " + TEXT_READ
            + ") AS text, t.location FROM tickets t WHERE ";
    private static final String UPSERT = """
            INSERT INTO similar_ticket (ticket_id, version, opened_at, place) VALUES (?, ?, ?, ?)
            ON CONFLICT (ticket_id) DO UPDATE
            SET version = excluded.version, opened_at = excluded.opened_at, place = excluded.place
            WHERE similar_ticket.version < excluded.version""";

    private final Database db;
    private final Lexicon lexicon;
    private final ReentrantLock lock = new ReentrantLock();
    /** Every event at or below this feed position is indexed; -1 until the first sweep. Guarded by {@link #lock}. */
    private long position = -1;
    private Instant cleaned = Instant.EPOCH;

    public SimilarIndex(Database db) {
        this.db = db;
        this.lexicon = Lexicon.standard();
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** The first sweep runs at start, so the first report typed does not pay for it. */
    @EventListener
    void onStartup(ServerStartupEvent event) {
        Thread.ofVirtual().name("similar-index-sweep").start(() -> {
            try {
                db.autoCommit(c -> {
                    catchUp(c, Instant.now().minus(SimilarSearch.RECENT));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("The first sweep of the similar index failed; the first request repeats it", e);
            }
        });
    }

    /** Indexes every change committed before this call; {@code since}: tickets opened before are no candidates. */
    void catchUp(Connection c, Instant since) throws SQLException {
        lock.lock();
        try {
            if (position < 0 || !follow(c, since)) {
                sweep(c, since);
            }
            if (cleaned.isBefore(Instant.now().minus(CLEAN_EVERY))) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM similar_ticket WHERE opened_at <= ?")) {
                    Sql.setInstant(ps, 1, since);
                    ps.executeUpdate();
                }
                cleaned = Instant.now();
            }
        } finally {
            lock.unlock();
        }
    }

    /** False when there are too many changes to follow one by one. */
    private boolean follow(Connection c, Instant since) throws SQLException {
        Set<Long> changed = new TreeSet<>();
        long newest = position;
        int[] perBranch = new int[2];
        try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
            ps.setLong(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getLong(1));
                    int branch = rs.getInt(3);
                    perBranch[branch]++;
                    if (branch == 1) {
                        newest = Math.max(newest, rs.getLong(2));
                    }
                }
            }
        }
        if (perBranch[0] > FOLLOW_LIMIT || perBranch[1] > FOLLOW_LIMIT) {
            return false;
        }
        if (!changed.isEmpty()) {
            Long[] ids = changed.toArray(Long[]::new);
            transaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(READ + "t.id = ANY(?) AND " + CANDIDATE)) {
                    ps.setArray(1, c.createArrayOf("bigint", ids));
                    Sql.setInstant(ps, 2, since);
                    changed.removeAll(index(c, ps));
                }
                // What changed and is no candidate now (closed, deleted) leaves the index.
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM similar_ticket WHERE ticket_id = ANY(?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", changed.toArray()));
                    ps.executeUpdate();
                }
            });
        }
        position = newest;
        return true;
    }

    /**
     * Indexes the candidates missing or older than their ticket and drops the rows of non-candidates. The position is
     * read first: whatever is stamped after it is followed next time, and indexing a ticket twice changes nothing.
     */
    private void sweep(Connection c, Instant since) throws SQLException {
        long before;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(position), 0) FROM ticket_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            before = rs.getLong(1);
        }
        transaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM similar_ticket s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM tickets t WHERE t.id = s.ticket_id AND " + CANDIDATE + ")")) {
                Sql.setInstant(ps, 1, since);
                ps.executeUpdate();
            }
            // The status list is spelled out so the planner can prove V12's partial index applies.
            try (PreparedStatement ps = c.prepareStatement(READ + CANDIDATE + " AND NOT EXISTS (SELECT 1 FROM "
                    + "similar_ticket s WHERE s.ticket_id = t.id AND s.version >= t.version) ORDER BY t.id")) {
                Sql.setInstant(ps, 1, since);
                int indexed = index(c, ps).size();
                LOG.info("Similar index swept: {} tickets indexed", indexed);
            }
        });
        position = before;
    }

    /** Indexes the tickets {@code read} returns (lowest id first: replicas lock rows in one order); their ids. */
    private Set<Long> index(Connection c, PreparedStatement read) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (ResultSet rs = read.executeQuery();
             PreparedStatement upsert = c.prepareStatement(UPSERT);
             PreparedStatement drop = c.prepareStatement("DELETE FROM similar_concept WHERE ticket_id = ?");
             PreparedStatement post = c.prepareStatement(
                     "INSERT INTO similar_concept (concept, ticket_id, weight) VALUES (?, ?, ?)")) {
            var vectors = new ArrayList<Map.Entry<Long, ReportVector>>();
            while (rs.next()) {
                long id = rs.getLong("id");
                ids.add(id);
                String title = rs.getString("title");
                vectors.add(Map.entry(id, ReportVector.of(title + " " + rs.getString("text"), lexicon)));
                upsert.setLong(1, id);
                upsert.setLong(2, rs.getLong("version"));
                Sql.setInstant(upsert, 3, Sql.instant(rs, "opened_at"));
                upsert.setArray(4, c.createArrayOf("text",
                        Place.of(rs.getString("location"), lexicon).marks().toArray()));
                upsert.addBatch();
            }
            int[] written = upsert.executeBatch();
            for (int i = 0; i < written.length; i++) {
                if (written[i] == 0) {
                    continue; // this version or a newer one is indexed already
                }
                long id = vectors.get(i).getKey();
                drop.setLong(1, id);
                drop.addBatch();
                for (Map.Entry<String, Double> w : vectors.get(i).getValue().weights().entrySet()) {
                    post.setString(1, w.getKey());
                    post.setLong(2, id);
                    post.setDouble(3, w.getValue());
                    post.addBatch();
                }
            }
            drop.executeBatch();
            post.executeBatch();
        }
        return ids;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws SQLException;
    }

    /** On the caller's auto-commit connection, so a request holds one pooled connection, not two. */
    private static void transaction(Connection c, Step step) throws SQLException {
        c.setAutoCommit(false);
        try {
            step.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
