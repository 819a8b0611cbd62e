package campus.helpdesk.ticket.message;

import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A message's Idempotency-Key has the contract of a new ticket's: a retry gets the first message, never a second. */
@MicronautTest(transactional = false)
class IdempotentMessagesTest extends ApiTest {

    @Test
    void aRetryWithTheSameKeyGetsTheFirstMessageAndPostsNothingNew() {
        Ticket ticket = create();
        Map<String, String> key = Map.of("Idempotency-Key", "msg-retry-1");
        Api.Answer first = post(STUDENT, ticket.id(), Map.of("body", "Still cold in here"), key);
        Api.Answer again = post(STUDENT, ticket.id(), Map.of("body", "Still cold in here"), key);

        assertThat(first.status).isEqualTo(201);
        assertThat(first.header(HelpdeskHeaders.IDEMPOTENT_REPLAYED)).isNull();
        assertThat(again.status).isEqualTo(200);
        assertThat(again.header(HelpdeskHeaders.IDEMPOTENT_REPLAYED)).isEqualTo("true");
        assertThat(again.as(Message.class)).isEqualTo(first.as(Message.class));
        assertThat(messages(ticket.id())).extracting(Message::body).containsExactly("Still cold in here");
        assertThat(api.get(STUDENT, "/api/tickets/" + ticket.id()).as(Ticket.class).version())
                .isEqualTo(ticket.version() + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyOrUnderAnotherTicketIs422AndPostsNothing() {
        Ticket ticket = create();
        Ticket other = create();
        Map<String, String> key = Map.of("Idempotency-Key", "msg-422");
        assertThat(post(STUDENT, ticket.id(), Map.of("body", "First"), key).status).isEqualTo(201);

        Api.Answer reused = post(STUDENT, ticket.id(), Map.of("body", "Second"), key);
        assertProblem(reused, 422, "This Idempotency-Key was already used with a different body");
        assertThat(reused.map().get("field")).isEqualTo("Idempotency-Key");
        assertProblem(post(STUDENT, other.id(), Map.of("body", "First"), key), 422, "different body");
        assertThat(messages(ticket.id())).extracting(Message::body).containsExactly("First");
        assertThat(messages(other.id())).isEmpty();
    }

    @Test
    void keysBelongToTheirAuthor() {
        Ticket ticket = create();
        Map<String, String> key = Map.of("Idempotency-Key", "msg-shared");
        assertThat(post(STUDENT, ticket.id(), Map.of("body", "Same words"), key).status).isEqualTo(201);
        assertThat(post(OTHER_STUDENT, ticket.id(), Map.of("body", "Same words"), key).status).isEqualTo(201);
        assertThat(messages(ticket.id())).hasSize(2);
    }

    @Test
    void eightConcurrentSendsWithOneKeyPostOneMessage() throws Exception {
        Ticket ticket = create();
        List<Api.Answer> answers = all(8, () -> post(STUDENT, ticket.id(), Map.of("body", "Double click"),
                Map.of("Idempotency-Key", "msg-concurrent")));

        assertThat(answers).extracting(a -> a.status).containsOnly(201, 200);
        assertThat(answers).filteredOn(a -> a.status == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.as(Message.class).id()).containsOnly(answers.getFirst().as(Message.class).id());
        assertThat(messages(ticket.id())).hasSize(1);
    }

    @Test
    void aRetryAfterStaffClosedTheTicketIsStillAnsweredWithTheFirstMessageForStaff() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        Map<String, String> key = Map.of("Idempotency-Key", "msg-after-close");
        Api.Answer first = post(STAFF, ticket.id(), Map.of("body", "Fixed, closing"), key);
        move(ticket.id(), TicketStatus.CLOSED);

        Api.Answer again = post(STAFF, ticket.id(), Map.of("body", "Fixed, closing"), key);
        assertThat(again.status).isEqualTo(200);
        assertThat(again.as(Message.class)).isEqualTo(first.as(Message.class));
        // A new message on a closed ticket is still refused.
        assertThat(post(STAFF, ticket.id(), Map.of("body", "Fixed, closing"),
                Map.of("Idempotency-Key", "msg-after-close-2")).status).isEqualTo(409);
    }

    @Test
    void aBlankOrOverlongKeyIsBadInputNamingTheHeader() {
        Ticket ticket = create();
        for (String bad : List.of(" ", "k".repeat(201))) {
            Api.Answer answer = post(STUDENT, ticket.id(), Map.of("body", "Hi"), Map.of("Idempotency-Key", bad));
            assertProblem(answer, 400, "Idempotency-Key");
            assertThat(answer.map()).containsEntry("field", "Idempotency-Key");
        }
        assertThat(messages(ticket.id())).isEmpty();
    }

    private Api.Answer post(Api.As who, long ticketId, Map<String, ?> body, Map<String, String> headers) {
        return api.send(who, "POST", "/api/tickets/" + ticketId + "/messages", body, headers);
    }

    private List<Message> messages(long ticketId) {
        return api.get(STAFF, "/api/tickets/" + ticketId + "/messages").as(Argument.listOf(Message.class));
    }

    private static List<Api.Answer> all(int n, Callable<Api.Answer> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
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
