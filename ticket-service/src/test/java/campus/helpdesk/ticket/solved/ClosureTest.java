package campus.helpdesk.ticket.solved;

import campus.helpdesk.api.Closure;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.client.ClosureClient;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter's side of a close: students still never read a CLOSED ticket, but the one who reported it learns
 * that it was solved, by whom, and with which last public answer, and their list says so once.
 */
@MicronautTest(transactional = false)
class ClosureTest extends ApiTest {

    private static final Argument<List<Closure>> CLOSURES = Argument.listOf(Closure.class);

    @Inject
    ClosureClient closures;

    @Test
    void theReporterReadsHowTheirClosedTicketEndedWithTheLastPublicStaffAnswer() {
        Api.As reporter = Api.As.student("Elena Reporter");
        Ticket ticket = create(reporter, "Radiator cold in A3", "The radiator in room A3 stays cold all day.");
        move(ticket.id(), TicketStatus.ACTIVE);
        say(STAFF, ticket, "We are on it", false);
        say(STAFF, ticket, "The valve was stuck: fixed", false);
        say(STAFF, ticket, "Caretaker says it was the third time", true);
        say(reporter, ticket, "Thank you!", false);
        move(ticket.id(), TicketStatus.CLOSED);

        Closure closure = api.get(reporter, "/api/tickets/" + ticket.id() + "/closure").as(Closure.class);
        assertThat(closure.ticketId()).isEqualTo(ticket.id());
        assertThat(closure.title()).isEqualTo("Radiator cold in A3");
        assertThat(closure.reporter()).isEqualTo("Elena Reporter");
        assertThat(closure.closedBy()).isEqualTo(STAFF.user());
        assertThat(closure.closedAt()).isNotNull();
        assertThat(closure.lastAnswer()).as("not the internal note, not the student's thanks").isNotNull();
        assertThat(closure.lastAnswer().body()).isEqualTo("The valve was stuck: fixed");
        assertThat(closure.lastAnswer().author()).isEqualTo(STAFF.user());

        assertThat(api.get(reporter, "/api/tickets/" + ticket.id()).status)
                .as("the ticket itself stays out of a student's reads").isEqualTo(404);
        assertThat(api.get(reporter, "/api/tickets/" + ticket.id() + "/messages").status).isEqualTo(404);
        assertThat(api.get(reporter, "/api/tickets/" + ticket.id() + "/history").status).isEqualTo(404);
    }

    @Test
    void aTicketClosedWithoutAWordHasNoLastAnswer() {
        Ticket ticket = createIn(TicketStatus.CLOSED);
        Closure closure = api.get(STUDENT, "/api/tickets/" + ticket.id() + "/closure").as(Closure.class);
        assertThat(closure.lastAnswer()).isNull();
    }

    @Test
    void anotherStudentCannotTellAClosedTicketFromOneThatNeverExisted() {
        Ticket ticket = createIn(TicketStatus.CLOSED);
        assertProblem(api.get(OTHER_STUDENT, "/api/tickets/" + ticket.id() + "/closure"), 404, "does not exist");
        assertProblem(api.get(OTHER_STUDENT, "/api/tickets/987654/closure"), 404, "does not exist");
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id() + "/closure").status).isEqualTo(200);
        assertThat(api.get(Api.As.analyst("Ana Lyst"), "/api/tickets/" + ticket.id() + "/closure").status)
                .isEqualTo(200);
        assertThat(api.get(FEED, "/api/tickets/" + ticket.id() + "/closure").status).isEqualTo(403);
    }

    @Test
    void aTicketNotClosedYetHasNoClosure() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        assertProblem(api.get(STUDENT, "/api/tickets/" + ticket.id() + "/closure"), 409, "not closed");
        assertProblem(api.get(OTHER_STUDENT, "/api/tickets/" + ticket.id() + "/closure"), 409, "not closed");
    }

    @Test
    void theGatewayReadsAClosureAsItself() {
        Ticket ticket = createIn(TicketStatus.CLOSED);
        assertThat(closures.closure(ticket.id()).reporter()).isEqualTo(STUDENT.user());
    }

    @Test
    void theListOfSolvedTicketsSaysItOnceAndOnlyToTheReporter() {
        Api.As reporter = Api.As.student("Franco Reporter");
        Ticket first = create(reporter, "Wifi down in B2", "No wifi in room B2 since this morning.");
        Ticket second = create(reporter, "Door stuck in C1", "The door of room C1 does not open.");
        Ticket open = create(reporter, "Lamp flickers in D4", "The lamp in D4 flickers all the time.");
        api.post(reporter, "/api/tickets/" + first.id() + "/read", null); // read while open: still news when closed
        for (Ticket t : List.of(first, second)) {
            move(t.id(), TicketStatus.ACTIVE);
            move(t.id(), TicketStatus.CLOSED);
        }

        List<Closure> solved = api.get(reporter, "/api/tickets/solved").as(CLOSURES);
        assertThat(solved).extracting(Closure::ticketId).as("newest close first, the open one not at all")
                .containsExactly(second.id(), first.id());
        assertThat(api.get(OTHER_STUDENT, "/api/tickets/solved").as(CLOSURES)).extracting(Closure::ticketId)
                .doesNotContain(first.id(), second.id());

        assertThat(api.post(reporter, "/api/tickets/" + second.id() + "/read", null).status).isEqualTo(204);
        assertThat(api.get(reporter, "/api/tickets/solved").as(CLOSURES)).extracting(Closure::ticketId)
                .as("acknowledged once, not said again").containsExactly(first.id());
        assertThat(api.post(OTHER_STUDENT, "/api/tickets/" + first.id() + "/read", null).status)
                .as("not their ticket: it does not exist for them").isEqualTo(404);
        assertThat(api.get(Api.As.analyst("Ana Lyst"), "/api/tickets/solved").status).isEqualTo(403);
        assertThat(open.status()).isEqualTo(TicketStatus.OPEN);

        // Seen or not, the last 30 days' stay findable: the student's list shows no CLOSED ticket.
        assertThat(api.get(reporter, "/api/tickets/solved?recent=true").as(CLOSURES)).extracting(Closure::ticketId)
                .as("both, the acknowledged one too").containsExactly(second.id(), first.id());
        assertThat(api.get(reporter, "/api/tickets/solved?recent=false").as(CLOSURES)).extracting(Closure::ticketId)
                .containsExactly(first.id());
        assertThat(api.get(OTHER_STUDENT, "/api/tickets/solved?recent=true").as(CLOSURES))
                .extracting(Closure::ticketId).doesNotContain(first.id(), second.id());
        assertProblem(api.get(reporter, "/api/tickets/solved?recent=yes"), 400, "recent: must be true or false");
    }

    @Test
    void aFollowUpNamesOneOfTheReportersOwnTickets() {
        Ticket old = createIn(TicketStatus.CLOSED);
        Api.Answer followUp = api.post(STUDENT, "/api/tickets", Map.of("title", "Projector broken again",
                "description", "Still no image in B12.", "previousTicketId", old.id()));
        assertThat(followUp.status).as(followUp.toString()).isEqualTo(201);
        Ticket created = followUp.as(Ticket.class);
        assertThat(created.previousTicketId()).isEqualTo(old.id());
        assertThat(api.get(STAFF, "/api/tickets/" + created.id()).as(Ticket.class).previousTicketId())
                .isEqualTo(old.id());
        assertThat(api.get(STUDENT, "/api/tickets/" + old.id() + "/closure").status)
                .as("the old one stays closed for its reporter").isEqualTo(200);
    }

    @Test
    void aFollowUpOfSomeoneElsesOrNoTicketIsRefusedTheSameWay() {
        Ticket others = createIn(TicketStatus.ACTIVE);
        for (long id : new long[] {others.id(), 987654}) {
            Api.Answer refused = api.post(OTHER_STUDENT, "/api/tickets", Map.of("title", "Me too",
                    "description", "Same here.", "previousTicketId", id));
            assertProblem(refused, 422, "only on a ticket you reported");
            assertThat(refused.map().get("field")).isEqualTo("previousTicketId");
        }
        assertThat(api.post(STAFF, "/api/tickets", Map.of("title", "Filed by the desk", "description",
                "For a student on the phone.", "previousTicketId", others.id())).status)
                .as("staff may name any ticket").isEqualTo(201);
        assertThat(api.post(STUDENT, "/api/tickets", Map.of("title", "Bad", "description", "Bad.",
                "previousTicketId", 0)).status).isEqualTo(400);
    }

    @Test
    void theRetryOfAStoredFollowUpIsReplayedEvenAfterItsPreviousTicketWasDeleted() {
        Ticket old = createIn(TicketStatus.ACTIVE);
        Map<String, Object> body = Map.of("title", "Projector broken again", "description", "Still no image in B12.",
                "previousTicketId", old.id());
        Map<String, String> key = Map.of("Idempotency-Key", "follow-up-" + old.id());
        Api.Answer first = api.send(STUDENT, "POST", "/api/tickets", body, key);
        assertThat(first.status).as(first.toString()).isEqualTo(201);
        assertThat(api.delete(STAFF, "/api/tickets/" + old.id()).status).isLessThan(300);

        // The client lost the first answer and asks again: what was filed is filed, whatever happened since.
        Api.Answer retry = api.send(STUDENT, "POST", "/api/tickets", body, key);
        assertThat(retry.status).as(retry.toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.as(Ticket.class).id()).isEqualTo(first.as(Ticket.class).id());
    }

    @Test
    void aFollowUpWaitsForADeletionOfItsPreviousTicketUnderWayAndIsThenRefused() throws Exception {
        Ticket old = createIn(TicketStatus.ACTIVE);
        long before = count("SELECT count(*) FROM tickets WHERE previous_ticket_id = " + old.id());
        try (Connection deleting = sql()) {
            deleting.setAutoCommit(false);
            try (PreparedStatement ps = deleting.prepareStatement(
                    "UPDATE tickets SET deleted_at = now() WHERE id = ?")) {
                ps.setLong(1, old.id());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Api.Answer> followUp = CompletableFuture.supplyAsync(() -> api.post(STUDENT,
                    "/api/tickets", Map.of("title", "Projector broken again", "description", "Still no image.",
                            "previousTicketId", old.id())));
            // Committed only once the follow-up waits for the row: committed earlier, the old code refused it too.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE "
                    + "'%FOR SHARE%'") == 0) {
                assertThat(followUp).as("held until the deletion ends").isNotDone();
                assertThat(System.nanoTime()).as("the follow-up waits for the deleted row").isLessThan(deadline);
                Thread.sleep(20);
            }
            deleting.commit();
            assertProblem(followUp.get(10, TimeUnit.SECONDS), 422, "only on a ticket you reported");
        }
        assertThat(count("SELECT count(*) FROM tickets WHERE previous_ticket_id = " + old.id()))
                .as("no follow-up names a deleted ticket").isEqualTo(before);
    }

    private void say(Api.As who, Ticket ticket, String body, boolean internal) {
        Api.Answer answer = api.post(who, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", body, "internal", internal));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    }
}
