package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ChangeFeedTest extends ApiTest {

    private static final int WRITERS = 8;

    @Inject
    FeedSequencer sequencer;

    @Test
    void eightConcurrentWritersAndPollingReadersGetEveryEventExactlyOnceInCommitOrder() throws Exception {
        String start = readAll(FeedCursor.START.toString()).next();
        List<Ticket> shared = List.of(create(), create(), create());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            // Two independent readers poll with small pages and short waits while the writers run.
            Future<List<ChangeEvent>> reader1 = pool.submit(() -> follow(start, writing));
            Future<List<ChangeEvent>> reader2 = pool.submit(() -> follow(start, writing));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(writer, shared)));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            List<ChangeEvent> seen1 = reader1.get(60, TimeUnit.SECONDS);
            List<ChangeEvent> seen2 = reader2.get(60, TimeUnit.SECONDS);

            List<String> table = eventsInTable(FeedCursor.parse(start));
            assertThat(table).hasSizeGreaterThan(WRITERS * 20);
            for (List<ChangeEvent> seen : List.of(seen1, seen2)) {
                assertExactlyOnceInCommitOrder(seen, table);
            }
            assertThat(seen1).extracting(ChangeEvent::cursor).containsExactlyElementsOf(
                    seen2.stream().map(ChangeEvent::cursor).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The proof that the test above can fail: a reader that trusts sequence order skips a late commit, which the
     * feed delivers after the earlier one, without holding the earlier one back meanwhile.
     */
    @Test
    void aNaiveIdAfterReaderMissesALateCommitWhichTheFeedDelivers() throws Exception {
        Ticket ticket = create();
        String before = readAll(FeedCursor.START.toString()).next();
        long naiveAfter = maxEventId();
        List<Long> naiveSeen = new ArrayList<>();
        long lateId;
        long earlyId;
        String afterEarly;
        try (Connection slow = sql(); Connection fast = sql()) {
            slow.setAutoCommit(false);
            lateId = insertEvent(slow, ticket.id());          // takes the lower id, commits last
            earlyId = insertEvent(fast, ticket.id());         // auto-commit: commits first with a higher id
            assertThat(earlyId).isGreaterThan(lateId);

            naiveAfter = naiveRead(naiveAfter, naiveSeen);     // sees the higher id and moves past the lower one
            sequencer.sweep();
            ChangePage whileOpen = page(before, 100, 0);
            assertThat(whileOpen.events()).as("the committed event is served while the other is open").hasSize(1);
            assertThat(whileOpen.next()).isEqualTo(String.valueOf(positionOf(earlyId)));
            afterEarly = whileOpen.next();

            slow.commit();
        }
        naiveRead(naiveAfter, naiveSeen);
        assertThat(naiveSeen).as("naive id > after reader").doesNotContain(lateId);

        sequencer.sweep();
        List<ChangeEvent> delivered = page(afterEarly, 100, 0).events();
        assertThat(delivered).extracting(ChangeEvent::cursor).containsExactly(String.valueOf(positionOf(lateId)));
    }

    @Test
    void aWriteTransactionHeldOpenElsewhereDelaysNothing() throws Exception {
        String now = readAll(FeedCursor.START.toString()).next();
        try (Connection admin = sql(); Statement s = admin.createStatement()) {
            // An administrator's forgotten session: a transaction that has written (it holds a transaction id).
            admin.setAutoCommit(false);
            s.execute("SELECT pg_current_xact_id()");
            s.execute("CREATE TEMPORARY TABLE forgotten (x int)");
            CompletableFuture<ChangePage> waiting = CompletableFuture.supplyAsync(() -> page(now, 100, 20_000));
            long created = System.nanoTime();
            Ticket ticket = create();
            ChangePage page = waiting.get(5, TimeUnit.SECONDS);
            long latencyMs = (System.nanoTime() - created) / 1_000_000;
            assertThat(page.events()).extracting(ChangeEvent::ticketId).containsExactly(ticket.id());
            assertThat(latencyMs).as("ms from the create to the long-poll answer").isLessThan(1_000);
            assertThat(page.completeAsOf()).isNotNull();
            admin.rollback();
        }
    }

    @Test
    void aLongPollReturnsSoonAfterAnEventCommits() throws Exception {
        String now = readAll(FeedCursor.START.toString()).next();
        CompletableFuture<ChangePage> waiting = CompletableFuture.supplyAsync(() -> page(now, 100, 20_000));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        long created = System.nanoTime();
        Ticket ticket = create();
        ChangePage page = waiting.get(5, TimeUnit.SECONDS);
        long latencyMs = (System.nanoTime() - created) / 1_000_000;
        assertThat(page.events()).extracting(ChangeEvent::ticketId).containsExactly(ticket.id());
        assertThat(latencyMs).as("ms from the create to the long-poll answer").isLessThan(1_000);
    }

    @Test
    void aLongPollWithNothingNewAnswersAnEmptyPageAtTheSameCursorWhenTheWaitEnds() {
        String now = readAll(FeedCursor.START.toString()).next();
        long started = System.nanoTime();
        ChangePage page = page(now, 10, 300);
        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEqualTo(now);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void eventsCarryTheFactsAfterTheChangeAndADeletionCarriesNone() {
        String now = readAll(FeedCursor.START.toString()).next();
        Ticket ticket = create();
        move(ticket.id(), TicketStatus.ACTIVE);
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Internal", "internal", true));
        api.delete(STAFF, "/api/tickets/" + ticket.id());

        List<ChangeEvent> events = readAll(now).events();
        assertThat(events).extracting(ChangeEvent::type).containsExactly(EventType.CREATED,
                EventType.STATUS_CHANGED, EventType.MESSAGE_ADDED, EventType.DELETED);
        assertThat(events.get(0).ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(events.get(0).ticket().openedAt()).isEqualTo(ticket.openedAt());
        assertThat(events.get(1).ticket().status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(events.get(1).actor()).isEqualTo(STAFF.user());
        assertThat(events.get(2).internal()).isTrue();
        assertThat(events.get(3).ticket()).isNull();
        // The internal note leaves the version where it was: a student must not see it move.
        assertThat(events).extracting(e -> e.ticket() == null ? null : e.ticket().version())
                .containsExactly(1L, 2L, 2L, null);
    }

    // --- helpers ---

    private void write(int writer, List<Ticket> shared) {
        for (int i = 0; i < 4; i++) {
            Ticket mine = create(Api.As.student("Writer " + writer), "Broken chair " + writer + "-" + i,
                    "A chair in room " + writer + " is broken");
            Ticket edited = api.patch(STUDENT, "/api/tickets/" + mine.id(),
                    Map.of("priority", "HIGH", "version", mine.version())).as(Ticket.class);
            assertThat(edited.version()).isEqualTo(2);
            move(mine.id(), TicketStatus.ACTIVE);
            Ticket target = shared.get((writer + i) % shared.size());
            Api.Answer message = api.post(STAFF, "/api/tickets/" + target.id() + "/messages",
                    Map.of("body", "Writer " + writer + " message " + i));
            assertThat(message.status).as(message.toString()).isEqualTo(201);
            move(mine.id(), TicketStatus.CLOSED);
        }
    }

    private List<ChangeEvent> follow(String from, AtomicBoolean writing) {
        List<ChangeEvent> seen = new CopyOnWriteArrayList<>();
        String cursor = from;
        boolean quietAfterWriters = false;
        while (!quietAfterWriters) {
            boolean writersDone = !writing.get();
            ChangePage page = page(cursor, 7, 100);
            seen.addAll(page.events());
            cursor = page.next();
            quietAfterWriters = writersDone && page.events().isEmpty();
        }
        return seen;
    }

    private void assertExactlyOnceInCommitOrder(List<ChangeEvent> seen, List<String> table) {
        List<String> cursors = seen.stream().map(ChangeEvent::cursor).toList();
        List<String> duplicates = cursors.stream().filter(c -> cursors.indexOf(c) != cursors.lastIndexOf(c)).toList();
        assertThat(duplicates).as("duplicates in %s", cursors).isEmpty();
        assertThat(cursors).as("every committed event, nothing else").containsExactlyInAnyOrderElementsOf(table);
        Map<Long, Long> lastVersion = new HashMap<>();
        FeedCursor previous = FeedCursor.START;
        for (ChangeEvent event : seen) {
            FeedCursor cursor = FeedCursor.parse(event.cursor());
            assertThat(cursor.position()).as("cursors increase").isGreaterThan(previous.position());
            previous = cursor;
            long version = event.ticket().version();
            Long before = lastVersion.put(event.ticketId(), version);
            if (before != null && event.internal()) {
                // An internal note leaves the ticket's version alone (students must not see it move).
                assertThat(version).as("versions of ticket %d in feed order", event.ticketId())
                        .isGreaterThanOrEqualTo(before);
            } else if (before != null) {
                assertThat(version).as("versions of ticket %d in feed order", event.ticketId())
                        .isGreaterThan(before);
            }
        }
    }

    /** Every event committed so far after {@code from}. */
    private ChangePage readAll(String from) {
        // The sequencer stamps right after each commit, but on its own thread, which a loaded machine may not run
        // before the next request: settle it, or "so far" would depend on the scheduler.
        try {
            sequencer.sweep();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<ChangeEvent> events = new ArrayList<>();
        String cursor = from;
        while (true) {
            ChangePage page = page(cursor, 1000, 0);
            events.addAll(page.events());
            cursor = page.next();
            if (page.events().isEmpty()) {
                return new ChangePage(events, cursor, null);
            }
        }
    }

    private ChangePage page(String after, int limit, int waitMs) {
        Api.Answer answer = api.get(FEED, "/api/changes?after=" + after + "&limit=" + limit + "&waitMs=" + waitMs);
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(ChangePage.class);
    }

    /** Every event after {@code after}, as cursors; also asserts that every committed event has a position. */
    private List<String> eventsInTable(FeedCursor after) throws SQLException {
        sequencer.sweep();
        List<String> cursors = new ArrayList<>();
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT position FROM ticket_event WHERE position > ? OR position IS NULL")) {
            ps.setLong(1, after.position());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cursors.add(String.valueOf(rs.getObject(1)));
                }
            }
        }
        return cursors;
    }

    private long positionOf(long eventId) throws SQLException {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT position FROM ticket_event WHERE id = ?")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long maxEventId() throws SQLException {
        try (Connection c = sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM ticket_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A reader that trusts the sequence: everything with an id above the last one it saw. */
    private long naiveRead(long after, List<Long> seen) throws SQLException {
        long last = after;
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM ticket_event WHERE id > ? ORDER BY id")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    seen.add(last);
                }
            }
        }
        return last;
    }

    private static long insertEvent(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ticket_event (ticket_id, type, actor, actor_role, category, status, priority, opened_at,
                                          version)
                SELECT id, 'EDITED', 'test', 'STAFF', category, status, priority, opened_at, version FROM tickets
                WHERE id = ? RETURNING id""")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
