package campus.helpdesk.ticket.message;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.HistoryEntry;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MessagesTest extends ApiTest {

    @Test
    void bothRolesWriteMessagesReadOldestFirst() {
        Ticket ticket = create();
        Api.Answer first = api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Any news?"));
        assertThat(first.status).isEqualTo(201);
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Looking at it"));

        List<Message> messages = messages(STUDENT, ticket.id());
        assertThat(messages).extracting(Message::body).containsExactly("Any news?", "Looking at it");
        assertThat(messages).extracting(Message::authorRole).containsExactly(Role.STUDENT, Role.STAFF);
        assertThat(messages.getFirst().author()).isEqualTo(STUDENT.user());
        assertThat(messages.getFirst().ticketId()).isEqualTo(ticket.id());
    }

    @Test
    void aMessageBumpsTheTicketsVersionAndUpdatedAt() {
        Ticket ticket = create();
        api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "More details"));
        Ticket after = api.get(STUDENT, "/api/tickets/" + ticket.id()).as(Ticket.class);
        assertThat(after.version()).isEqualTo(ticket.version() + 1);
        assertThat(after.updatedAt()).isAfter(ticket.updatedAt());
    }

    @Test
    void theFirstNonInternalStaffMessageSetsFirstResponseAt() {
        Ticket ticket = create();
        api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Hello?"));
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Note", "internal", true));
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class).firstResponseAt()).isNull();

        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "We are on it"));
        Ticket answered = api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class);
        assertThat(answered.firstResponseAt()).isNotNull();

        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Still on it"));
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class).firstResponseAt())
                .isEqualTo(answered.firstResponseAt());
    }

    @Test
    void studentsNeverSeeInternalNotesNorTheirHistoryEntries() {
        Ticket ticket = create();
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "Reporter seems to be a known prankster", "internal", true));
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Thanks, we will check"));

        assertThat(messages(STUDENT, ticket.id())).extracting(Message::body).containsExactly("Thanks, we will check");
        assertThat(messages(STAFF, ticket.id())).extracting(Message::internal).containsExactly(true, false);
        assertThat(api.get(STUDENT, "/api/tickets/" + ticket.id() + "/history").as(Argument.listOf(HistoryEntry.class)))
                .extracting(HistoryEntry::type).containsExactly(EventType.CREATED, EventType.MESSAGE_ADDED);
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id() + "/history").as(Argument.listOf(HistoryEntry.class)))
                .hasSize(3);
    }

    @Test
    void anInternalNoteChangesNothingAStudentCanObserve() {
        Ticket ticket = create();
        String before = api.get(STUDENT, "/api/tickets/" + ticket.id()).raw.body();
        Api.Answer note = api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "Checked the logs, nothing yet", "internal", true));
        assertThat(note.status).isEqualTo(201);
        assertThat(api.get(STUDENT, "/api/tickets/" + ticket.id()).raw.body()).isEqualTo(before);
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class).version())
                .isEqualTo(ticket.version());
    }

    @Test
    void aStudentCannotWriteAnInternalNote() {
        Ticket ticket = create();
        assertProblem(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "Secret", "internal", true)), 403, "internal");
        assertThat(messages(STAFF, ticket.id())).isEmpty();
    }

    @Test
    void noMessagesOnClosedTickets() {
        Ticket closed = createIn(TicketStatus.CLOSED);
        assertProblem(api.post(STAFF, "/api/tickets/" + closed.id() + "/messages", Map.of("body", "Late")), 409,
                "closed");
        assertProblem(api.post(STUDENT, "/api/tickets/" + closed.id() + "/messages", Map.of("body", "Late")), 404,
                "does not exist");
        assertThat(messages(STAFF, closed.id())).isEmpty();
    }

    @Test
    void messagesOfAnUnknownTicketAre404() {
        assertProblem(api.post(STAFF, "/api/tickets/424242/messages", Map.of("body", "Hi")), 404, "424242");
    }

    private List<Message> messages(Api.As who, long ticketId) {
        Api.Answer answer = api.get(who, "/api/tickets/" + ticketId + "/messages");
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(Argument.listOf(Message.class));
    }
}
