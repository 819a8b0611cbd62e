package campus.helpdesk.ticket.similar;

import campus.helpdesk.api.Category;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import io.micronaut.context.annotation.Value;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The candidates by concept, in memory: for each concept (and unknown word stem) the candidates whose text has it,
 * so a request compares the typed text only with the tickets sharing something with it. Kept current from
 * {@code ticket_event}: every change to a ticket, by any replica, any module or a bulk load, appends an event, so the
 * events stamped after the feed position this replica has indexed, plus those not stamped yet, name every ticket to
 * read again. That is one indexed statement per request when nothing changed, before the request's search, so a
 * report filed or edited anywhere is compared as it now reads from the next request on.
 *
 * <p>Each replica keeps its own copy, derived from the shared event log: nothing to coordinate between replicas, and
 * the gap-free feed positions mean no change is missed. What a request offers is checked against the live rows first
 * ({@link SimilarSearch}), so a change made without an event (by hand in SQL) never offers a closed ticket. When a
 * replica starts, or finds more than {@link #FOLLOW_LIMIT} changes (a bulk load), it sweeps instead: reads the
 * candidates' versions (V12's partial index), and the texts of those new or changed.
 *
 * <p>It holds the newest {@code helpdesk.similar.capacity} candidates (20,000 by default), about a kilobyte each. A
 * week of unclosed tickets is a few thousand on a campus, but nothing bounds it: 200,000 tickets filed in a day (a
 * load test, a script gone wrong) filled ticket-service's heap, and as the index is built again at every start, the
 * service then died at every start. The newest are the ones a wave of reports about one outage is compared with.
 */
@Singleton
public class SimilarIndex {

    static final int FOLLOW_LIMIT = 10_000;
    /** How long a request waits for a sweep on its own thread: a few keystrokes' pause, no more. */
    static final Duration SWEEP_WAIT = Duration.ofMillis(250);
    private static final int TEXT_READ = 2_000;
    /** Tickets read per statement: the driver holds a whole result in memory, texts included. */
    private static final int READ_BATCH = 2_000;
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
    /** The status list is spelled out so the planner can prove V12's partial index applies. */
    static final String CANDIDATE = "t.deleted_at IS NULL AND t.status IN ('OPEN', 'ACTIVE') AND t.opened_at > ?";
    private static final String READ = "SELECT t.id, t.version, t.category, t.opened_at, t.title, left(t.description, "
            + TEXT_READ + ") AS text, t.location FROM tickets t WHERE ";

    /** A candidate as last read. */
    record Indexed(long id, long version, String title, Category category, Instant openedAt, ReportVector text,
                   Place place) {
    }

    private final Database db;
    private final Lexicon lexicon;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Indexed> tickets = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> byConcept = new ConcurrentHashMap<>();
    /** Every event at or below this feed position is indexed; -1 until the first sweep. Guarded by {@link #lock}. */
    private long position = -1;
    /** Whether a first sweep has ended, so that there is an index to answer from. */
    private volatile boolean swept;
    /** The sweep running on a thread of its own, if any: following meanwhile would only find it due. */
    private volatile CompletableFuture<Void> sweeping;
    private Instant dropped = Instant.EPOCH;

    public SimilarIndex(Database db, @Value("${helpdesk.similar.capacity:20000}") int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("helpdesk.similar.capacity must be at least 1, not " + capacity);
        }
        this.db = db;
        this.capacity = capacity;
        this.lexicon = Lexicon.standard();
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** The first sweep runs at start, so the first report typed does not pay for it. */
    @EventListener
    void onStartup(ServerStartupEvent event) {
        sweepInBackground("similar-index-sweep");
    }

    /**
     * A sweep on a thread of its own, holding the lock; {@link #sweeping} is cleared before the lock is released and
     * completed after, so a request woken by its end finds the lock free and no sweep pending.
     */
    private void sweepInBackground(String name) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        sweeping = done;
        Thread.ofVirtual().name(name).start(() -> {
            lock.lock();
            try {
                db.autoCommit(c -> {
                    sweep(c, Instant.now().minus(SimilarSearch.RECENT));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("A sweep of the similar index failed; the next request tries again", e);
            } finally {
                sweeping = null;
                lock.unlock();
                done.complete(null);
            }
        });
    }

    /** Waits at most {@link #SWEEP_WAIT} for a sweep running on its own thread. */
    private void awaitSweep() {
        CompletableFuture<Void> running = sweeping;
        if (running == null) {
            return;
        }
        try {
            running.get(SWEEP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Still sweeping: the request answers from the index as it stands.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The candidates sharing a concept or word stem with {@code typed}, as last read. Told apart by id: a record's own
     * hash reads its whole text vector, which at a million tickets was a third of a request's CPU.
     */
    Collection<Indexed> sharing(ReportVector typed) {
        Map<Long, Indexed> out = new HashMap<>();
        for (String concept : typed.weights().keySet()) {
            for (Long id : byConcept.getOrDefault(concept, Set.of())) {
                if (!out.containsKey(id)) {
                    Indexed indexed = tickets.get(id);
                    if (indexed != null) {
                        out.put(id, indexed);
                    }
                }
            }
        }
        return out.values();
    }

    boolean contains(long id) {
        return tickets.containsKey(id);
    }

    /**
     * Indexes every change committed before this call; {@code since}: tickets opened before are no candidates.
     * After a bulk load (more than {@link #FOLLOW_LIMIT} changes) a sweep re-reads every candidate; at a million
     * tickets, while the feed's followers read the same load, that took seconds, and the request that found the load
     * paid them. So a request never sweeps once there is an index: it hands the sweep to a thread of its own and
     * waits for it at most {@link #SWEEP_WAIT}, as any request arriving meanwhile does. A sweep of a desk's usual
     * size ends well within that, and as it reads every candidate committed before it began, the waiting request
     * then compares with what was just filed; a longer one leaves requests answering from the index as it stands
     * until it ends. A request also answers from the index as it stands while another is following, rather than
     * queue behind it holding a pooled connection. Offers are checked against their live rows anyway
     * ({@link SimilarSearch}). Only before the first sweep has ended does a request wait for one, as it has nothing
     * to answer from.
     */
    void catchUp(Connection c, Instant since) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            awaitSweep();
            if (!lock.tryLock()) {
                if (swept) {
                    return;
                }
                lock.lock();
            }
            try {
                if (!swept) {
                    sweep(c, since);
                    return;
                }
                if (sweeping != null || follow(c, since)) {
                    return;
                }
                sweepInBackground("similar-index-resweep");
            } finally {
                lock.unlock();
            }
        }
    }

    /** False when there are too many changes to follow one by one. */
    private boolean follow(Connection c, Instant since) throws SQLException {
        Set<Long> changed = new HashSet<>();
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
            changed.removeAll(readCandidates(c, changed.toArray(Long[]::new), since));
            // What changed and is no candidate now (closed, deleted) leaves the index.
            changed.forEach(this::remove);
        }
        position = newest;
        dropOlderThan(since);
        return true;
    }

    /**
     * Reads the candidates' versions, then the texts of those new or changed, and drops the rest. The position is
     * read first: whatever is stamped after it is followed next time, and reading a ticket twice changes nothing.
     */
    private void sweep(Connection c, Instant since) throws SQLException {
        long started = System.nanoTime();
        long before;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(position), 0) FROM ticket_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            before = rs.getLong(1);
        }
        Map<Long, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.version FROM tickets t WHERE " + CANDIDATE
                + " ORDER BY t.opened_at DESC, t.id DESC LIMIT ?")) {
            Sql.setInstant(ps, 1, since);
            ps.setInt(2, capacity);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        tickets.keySet().stream().filter(id -> !versions.containsKey(id)).toList().forEach(this::remove);
        Long[] stale = versions.entrySet().stream()
                .filter(e -> tickets.get(e.getKey()) == null || tickets.get(e.getKey()).version() != e.getValue())
                .map(Map.Entry::getKey).toArray(Long[]::new);
        readCandidates(c, stale, since);
        LOG.info("Similar index swept: {} candidates{}, {} read, in {} ms", versions.size(),
                versions.size() == capacity ? " (the newest; helpdesk.similar.capacity)" : "", stale.length,
                (System.nanoTime() - started) / 1_000_000);
        position = before;
        swept = true;
    }

    /**
     * Reads and indexes those of {@code ids} that are candidates, {@link #READ_BATCH} at a time, dropping the oldest
     * beyond the capacity after each batch; the ids read.
     */
    private Set<Long> readCandidates(Connection c, Long[] ids, Instant since) throws SQLException {
        Set<Long> read = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(READ + "t.id = ANY(?) AND " + CANDIDATE)) {
            for (int from = 0; from < ids.length; from += READ_BATCH) {
                ps.setArray(1, c.createArrayOf("bigint",
                        Arrays.copyOfRange(ids, from, Math.min(ids.length, from + READ_BATCH))));
                Sql.setInstant(ps, 2, since);
                read.addAll(read(ps));
                evictOldestBeyondCapacity();
            }
        }
        return read;
    }

    /** Indexes the tickets {@code read} returns; their ids. */
    private Set<Long> read(PreparedStatement read) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                ids.add(id);
                String title = rs.getString("title");
                put(new Indexed(id, rs.getLong("version"), title, Category.valueOf(rs.getString("category")),
                        Sql.instant(rs, "opened_at"), ReportVector.of(title + " " + rs.getString("text"), lexicon),
                        Place.of(rs.getString("location"), lexicon)));
            }
        }
        return ids;
    }

    private void put(Indexed indexed) {
        remove(indexed.id());
        tickets.put(indexed.id(), indexed);
        for (String concept : indexed.text().weights().keySet()) {
            byConcept.computeIfAbsent(concept, k -> ConcurrentHashMap.newKeySet()).add(indexed.id());
        }
    }

    private void remove(long id) {
        Indexed gone = tickets.remove(id);
        if (gone != null) {
            for (String concept : gone.text().weights().keySet()) {
                byConcept.computeIfPresent(concept, (k, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
            }
        }
    }

    /**
     * Drops the oldest candidates down to the capacity once it is exceeded by a tenth, so that a desk at its capacity
     * sorts the index once per few thousand new tickets, not per request.
     */
    private void evictOldestBeyondCapacity() {
        if (tickets.size() <= capacity + capacity / 10) {
            return;
        }
        tickets.values().stream()
                .sorted(Comparator.comparing(Indexed::openedAt).thenComparingLong(Indexed::id).reversed())
                .skip(capacity).map(Indexed::id).toList()
                .forEach(this::remove);
    }

    int size() {
        return tickets.size();
    }

    /** Once a minute: a request skips those past the week anyway, this only frees their memory. */
    private void dropOlderThan(Instant since) {
        if (dropped.isAfter(since.plus(SimilarSearch.RECENT).minusSeconds(60))) {
            return;
        }
        dropped = since.plus(SimilarSearch.RECENT);
        tickets.values().stream().filter(t -> !t.openedAt().isAfter(since)).map(Indexed::id).toList()
                .forEach(this::remove);
    }
}
