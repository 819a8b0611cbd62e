package campus.helpdesk.ticket.incident;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many staff linking overlapping sets at once, to two incidents, each list in a different order: every request
 * ends (no deadlock), as a whole link or a 409 that links nothing, and every ticket ends in at most one incident
 * with exactly one LINKED event.
 */
@MicronautTest(transactional = false)
class ConcurrentLinksTest extends ApiTest {

    private static final int TICKETS = 40;
    private static final int REQUESTS = 24;

    @Test
    void overlappingLinksFromManyThreadsNeitherDeadlockNorHalfLink() throws Exception {
        Ticket first = create();
        Ticket second = create();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            ids.add(create().id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        List<Long> incidents = new ArrayList<>();
        List<List<Long>> sets = new ArrayList<>();
        try {
            for (int r = 0; r < REQUESTS; r++) {
                long incident = r % 2 == 0 ? first.id() : second.id();
                List<Long> set = new ArrayList<>(ids.subList((r * 3) % 30, (r * 3) % 30 + 10));
                if (r % 3 == 0) {
                    Collections.reverse(set);
                }
                incidents.add(incident);
                sets.add(set);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(STAFF, "/api/tickets/" + incident + "/links", Map.of("tickets", set));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Answer> answer : answers) {
                Api.Answer done = answer.get();
                assertThat(done.status).as(done.toString()).isIn(200, 409);
                statuses.add(done.status);
            }
            assertThat(statuses).contains(200);
            Map<Long, Long> finalLinks = incidentOf(ids);
            for (int r = 0; r < REQUESTS; r++) {
                if (statuses.get(r) == 200) {
                    for (long id : sets.get(r)) {
                        assertThat(finalLinks.get(id)).as("a 200 linked its whole set").isEqualTo(incidents.get(r));
                    }
                }
            }
            Map<Long, Integer> events = linkedEventsPerTicket(ids);
            for (long id : ids) {
                assertThat(events.getOrDefault(id, 0)).as("LINKED events of " + id)
                        .isEqualTo(finalLinks.get(id) == null ? 0 : 1);
            }
            long toFirst = finalLinks.values().stream().filter(v -> v != null && v == first.id()).count();
            assertThat(api.get(STAFF, "/api/tickets/" + first.id()).as(Ticket.class).linkedCount())
                    .isEqualTo(toFirst == 0 ? null : (int) toFirst);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The tester's case: an incident newer than the reports linked to it (so its id is the highest) gets a link of
     * twenty, then at once its answer, close or deletion, and the same link again (a client's retry). Each request
     * waits for the one before it; none is broken off as a deadlock ("Someone changed the same tickets at the same
     * moment").
     */
    @Test
    void aRetriedLinkBesideTheIncidentsAnswerCloseOrDeletionQueuesUpInsteadOfDeadlocking() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> brokenOff = new ArrayList<>();
        try {
            for (int round = 0; round < 9; round++) {
                List<Long> reports = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    reports.add(create().id());
                }
                long incident = create().id();
                String path = "/api/tickets/" + incident;
                Map<String, Object> link = Map.of("tickets", reports);
                int kind = round % 3;
                Future<Api.Answer> first = pool.submit(() -> api.post(STAFF, path + "/links", link));
                Thread.sleep(10);
                Future<Api.Answer> beside = pool.submit(() -> switch (kind) {
                    case 0 -> api.post(STAFF, path + "/messages", Map.of("body", "We are on it."));
                    case 1 -> api.post(STAFF, path + "/status", Map.of("status", "CLOSED"));
                    default -> api.delete(STAFF, path);
                });
                Future<Api.Answer> retry = pool.submit(() -> api.post(STAFF, path + "/links", link));
                for (Future<Api.Answer> answer : List.of(first, beside, retry)) {
                    Api.Answer done = answer.get();
                    assertThat(done.status).as(done.toString()).isLessThan(500);
                    if (brokenOffAsDeadlock(done)) {
                        brokenOff.add("round " + round + ": " + done);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(brokenOff).isEmpty();
    }

    /**
     * Two staff with stale pages link the same two reports each under the other: one link wins, the other is refused
     * for what it is (a ticket linked elsewhere, or an incident), never broken off as a deadlock.
     */
    @Test
    void twoTicketsLinkedUnderEachOtherAtOnceGiveOneLinkAndARefusal() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> brokenOff = new ArrayList<>();
        try {
            for (int round = 0; round < 10; round++) {
                long a = create().id();
                long b = create().id();
                CountDownLatch start = new CountDownLatch(1);
                Future<Api.Answer> aOverB = pool.submit(() -> {
                    start.await();
                    return api.post(STAFF, "/api/tickets/" + a + "/links", Map.of("tickets", List.of(b)));
                });
                Future<Api.Answer> bOverA = pool.submit(() -> {
                    start.await();
                    return api.post(STAFF, "/api/tickets/" + b + "/links", Map.of("tickets", List.of(a)));
                });
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Answer> answer : List.of(aOverB, bOverA)) {
                    Api.Answer done = answer.get();
                    statuses.add(done.status);
                    if (brokenOffAsDeadlock(done)) {
                        brokenOff.add("round " + round + ": " + done);
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(brokenOff).isEmpty();
    }

    /** The 409 a request gets when PostgreSQL breaks a deadlock by rolling it back (FailureHandler's words). */
    private static boolean brokenOffAsDeadlock(Api.Answer answer) {
        return answer.status == 409 && answer.toString().contains("changed the same tickets at the same moment");
    }

    private Map<Long, Long> incidentOf(List<Long> ids) throws SQLException {
        Map<Long, Long> links = new HashMap<>();
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, incident_id FROM tickets WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.put(rs.getLong(1), rs.getObject(2, Long.class));
                }
            }
        }
        return links;
    }

    private Map<Long, Integer> linkedEventsPerTicket(List<Long> ids) throws SQLException {
        Map<Long, Integer> counts = new HashMap<>();
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT ticket_id, count(*) FROM ticket_event WHERE type = 'LINKED' AND ticket_id = ANY (?) "
                        + "GROUP BY ticket_id")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }
}
