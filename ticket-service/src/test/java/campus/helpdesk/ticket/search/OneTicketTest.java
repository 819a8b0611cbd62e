package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/tickets/{id} reads the row with its own SELECT, while each write answers with the row its own SQL
 * returned: the two must tell the same ticket, field by field, timestamps to the microsecond. All but {@code unread},
 * which is each caller's own (the reporter's and the assignee's marker), where the write and the read here are made
 * by different people.
 */
@MicronautTest(transactional = false)
class OneTicketTest extends ApiTest {

    @Test
    void getAnswersTheTicketExactlyAsTheWriteThatChangedItLast() {
        Ticket created = create(STUDENT, "Lift stuck between floors", "The lift in building C stops at floor 2.");
        assertThat(get(STUDENT, created.id())).isEqualTo(created);

        Api.Answer edit = api.patch(STAFF, "/api/tickets/" + created.id(),
                Map.of("location", "Building C", "version", created.version()));
        assertThat(edit.status).as(edit.toString()).isEqualTo(200);
        assertThat(get(STUDENT, created.id())).usingRecursiveComparison().ignoringFields("unread")
                .isEqualTo(edit.as(Ticket.class));

        Ticket taken = move(created.id(), TicketStatus.ACTIVE);
        assertThat(get(STAFF, created.id())).isEqualTo(taken);
        Ticket closed = move(created.id(), TicketStatus.CLOSED);
        assertThat(get(STAFF, created.id())).isEqualTo(closed);
    }

    private Ticket get(Api.As who, long id) {
        Api.Answer answer = api.get(who, "/api/tickets/" + id);
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(Ticket.class);
    }
}
