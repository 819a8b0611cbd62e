package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "New since you last looked": the reporter's marker on their own tickets, the assignee's on the tickets assigned to
 * them, kept per person by {@code POST /api/tickets/{id}/read}, and the same in the list as on one ticket.
 */
@MicronautTest(transactional = false)
class ReadMarkersTest extends ApiTest {

    @Test
    void aStaffReplyIsUnreadForTheReporterUntilTheyReadIt() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        assertThat(unread(STUDENT, ticket)).as("nothing written yet").isFalse();

        say(STAFF, ticket, "We will send someone", false);
        assertThat(unread(STUDENT, ticket)).isTrue();
        assertThat(unreadInList(STUDENT, ticket)).isTrue();

        Api.Answer read = api.post(STUDENT, "/api/tickets/" + ticket.id() + "/read", null);
        assertThat(read.status).as(read.toString()).isEqualTo(204);
        assertThat(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/read", null).status)
                .as("idempotent").isEqualTo(204);
        assertThat(unread(STUDENT, ticket)).isFalse();
        assertThat(unreadInList(STUDENT, ticket)).isFalse();
    }

    @Test
    void onesOwnMessageIsNeverUnreadAndAnInternalNoteIsNotForTheStudent() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        api.post(STUDENT, "/api/tickets/" + ticket.id() + "/read", null);

        say(STUDENT, ticket, "Any news?", false);
        assertThat(unread(STUDENT, ticket)).as("their own message").isFalse();

        say(STAFF, ticket, "Ask the caretaker first", true);
        assertThat(unread(STUDENT, ticket)).as("an internal note they cannot see").isFalse();
        assertThat(unread(STAFF, ticket)).as("the assignee wrote it").isTrue();
    }

    @Test
    void theAssigneeSeesNewMessagesOnTheirTicketsAndOthersGetNoMarker() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/read", null);
        assertThat(unread(STAFF, ticket)).isFalse();

        say(STUDENT, ticket, "It is still broken", false);
        assertThat(unread(STAFF, ticket)).isTrue();
        assertThat(unreadInList(STAFF, ticket)).isTrue();
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/read", null);
        assertThat(unread(STAFF, ticket)).isFalse();

        assertThat(unread(Api.As.staff("Davide Staff"), ticket)).as("not assigned to them").isNull();
        assertThat(unread(OTHER_STUDENT, ticket)).as("not reported by them").isNull();
    }

    @Test
    void aStudentUnderTheAssigneesNameDoesNotReadForThem() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        say(STUDENT, ticket, "It is still broken", false);
        assertThat(unread(STAFF, ticket)).isTrue();

        Api.As impostor = Api.As.student(STAFF.user());
        assertThat(api.post(impostor, "/api/tickets/" + ticket.id() + "/read", null).status).isEqualTo(204);
        assertThat(unread(STAFF, ticket)).as("names prove nothing; a name in another role is another person")
                .isTrue();
    }

    @Test
    void aMessageThatWasNeverReadCountsAsUnread() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        say(STUDENT, ticket, "Hello?", false);
        assertThat(unread(STAFF, ticket)).isTrue();
    }

    @Test
    void readingIsForTicketsTheCallerMaySee() {
        Ticket closed = createIn(TicketStatus.CLOSED);
        assertProblem(api.post(OTHER_STUDENT, "/api/tickets/" + closed.id() + "/read", null), 404, "does not exist");
        assertThat(api.post(STUDENT, "/api/tickets/" + closed.id() + "/read", null).status)
                .as("its reporter acknowledges the close (solved/ClosureTest)").isEqualTo(204);
        assertThat(api.post(STAFF, "/api/tickets/" + closed.id() + "/read", null).status).isEqualTo(204);
        assertProblem(api.post(STAFF, "/api/tickets/987654/read", null), 404, "does not exist");
    }

    private void say(Api.As who, Ticket ticket, String body, boolean internal) {
        Api.Answer answer = api.post(who, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", body, "internal", internal));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    }

    private Boolean unread(Api.As who, Ticket ticket) {
        return api.get(who, "/api/tickets/" + ticket.id()).as(Ticket.class).unread();
    }

    private Boolean unreadInList(Api.As who, Ticket ticket) {
        TicketPage page = api.get(who, "/api/tickets?size=100").as(TicketPage.class);
        return page.items().stream().filter(t -> t.id() == ticket.id()).findFirst().orElseThrow().unread();
    }
}
