package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ConcurrencyTest extends ApiTest {

    @Test
    void twoConcurrentPatchesWithOneVersionGiveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Ticket ticket = create();
            List<Api.Answer> answers = all(2, i -> api.patch(i == 0 ? STUDENT : OTHER_STUDENT,
                    "/api/tickets/" + ticket.id(), Map.of("title", "Edit " + i, "version", ticket.version())));

            assertThat(answers).extracting(a -> a.status).containsExactlyInAnyOrder(200, 409);
            Api.Answer winner = answers.stream().filter(a -> a.status == 200).findFirst().orElseThrow();
            Api.Answer loser = answers.stream().filter(a -> a.status == 409).findFirst().orElseThrow();
            assertThat(((Number) loser.map().get("currentVersion")).longValue()).isEqualTo(ticket.version() + 1);
            Ticket stored = api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class);
            assertThat(stored.title()).isEqualTo(winner.as(Ticket.class).title());
            assertThat(stored.version()).isEqualTo(ticket.version() + 1);
        }
    }

    @Test
    void eightConcurrentRetriesOfOneIdempotencyKeyCreateOneTicket() throws Exception {
        NewTicket body = new NewTicket("Heating off in dorm C", "No heating since Monday in dorm C, room 4",
                null, Priority.HIGH, null);
        List<Api.Answer> answers = all(8, i -> api.send(STUDENT, "POST", "/api/tickets", body,
                Map.of("Idempotency-Key", "retry-key-1")));

        assertThat(answers).extracting(a -> a.status).containsOnly(201, 200);
        assertThat(answers).filteredOn(a -> a.status == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.as(Ticket.class).id()).containsOnly(answers.getFirst().as(Ticket.class).id());
        assertThat(answers).filteredOn(a -> a.status == 200)
                .allSatisfy(a -> assertThat(a.header(TicketController.REPLAYED_HEADER)).isEqualTo("true"));
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM tickets WHERE title = ?")) {
            ps.setString(1, body.title());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "key-422");
        Api.Answer first = api.send(STUDENT, "POST", "/api/tickets",
                Map.of("title", "Printer jam", "description", "Printer in lab 3 jams"), key);
        assertThat(first.status).isEqualTo(201);
        Api.Answer other = api.send(STUDENT, "POST", "/api/tickets",
                Map.of("title", "Printer jam", "description", "Printer in lab 4 jams"), key);
        assertProblem(other, 422, "This Idempotency-Key was already used with a different body");
        assertThat(other.map().get("field")).isEqualTo("Idempotency-Key");
        Api.Answer same = api.send(STUDENT, "POST", "/api/tickets",
                Map.of("title", "Printer jam", "description", "Printer in lab 3 jams"), key);
        assertThat(same.status).isEqualTo(200);
        assertThat(same.as(Ticket.class)).isEqualTo(first.as(Ticket.class));
        assertThat(same.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void keysBelongToTheirReporter() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key");
        Map<String, String> body = Map.of("title", "Lamp broken", "description", "Lamp broken in corridor");
        Ticket mine = api.send(STUDENT, "POST", "/api/tickets", body, key).as(Ticket.class);
        Api.Answer theirs = api.send(OTHER_STUDENT, "POST", "/api/tickets", body, key);
        assertThat(theirs.status).isEqualTo(201);
        assertThat(theirs.as(Ticket.class).id()).isNotEqualTo(mine.id());
    }

    private static List<Api.Answer> all(int n, java.util.function.IntFunction<Api.Answer> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Api.Answer>) () -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
