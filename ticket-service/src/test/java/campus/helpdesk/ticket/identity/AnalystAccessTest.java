package campus.helpdesk.ticket.identity;

import campus.helpdesk.api.HistoryEntry;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts follow the dashboard's numbers to the tickets behind them: they read every ticket (CLOSED ones too), its
 * history and its public messages, and write nothing.
 */
@MicronautTest(transactional = false)
class AnalystAccessTest extends ApiTest {

    private static final Api.As ANALYST = Api.As.analyst("Al Analyst");

    private Ticket open;
    private Ticket closed;

    @BeforeAll
    void aTicketWithANoteThenClosed() {
        open = create();
        Ticket active = createIn(TicketStatus.ACTIVE);
        api.post(STAFF, "/api/tickets/" + active.id() + "/messages", Map.of("body", "We are on it"));
        api.post(STAFF, "/api/tickets/" + active.id() + "/messages",
                Map.of("body", "Reporter sounds upset", "internal", true));
        closed = move(active.id(), TicketStatus.CLOSED);
    }

    @Test
    void analystsListEveryStatusClosedIncluded() {
        Api.Answer all = api.get(ANALYST, "/api/tickets");
        assertThat(all.status).as(all.toString()).isEqualTo(200);
        assertThat(all.as(TicketPage.class).items()).extracting(Ticket::id).contains(open.id(), closed.id());
        assertThat(api.get(ANALYST, "/api/tickets?status=CLOSED").as(TicketPage.class).items())
                .extracting(Ticket::id).containsExactly(closed.id());
        assertThat(api.get(ANALYST, "/api/tickets?status=CLOSED").as(TicketPage.class).items())
                .allSatisfy(ticket -> assertThat(ticket.unread()).as("no read markers for analysts").isNull());
    }

    @Test
    void analystsCountEveryStatusAndTheUnassignedView() {
        Api.Answer answer = api.get(ANALYST, "/api/tickets/counts");
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        TicketCounts counts = answer.as(TicketCounts.class);
        assertThat(counts.byStatus()).containsEntry(TicketStatus.CLOSED, 1L).containsEntry(TicketStatus.OPEN, 1L);
        assertThat(counts.byView()).containsOnlyKeys("unassigned", "all");
    }

    @Test
    void analystsFilterByANamedAssigneeOrNoneButNotByThemselves() {
        assertThat(api.get(ANALYST, "/api/tickets?assignee=" + STAFF.user().replace(" ", "%20"))
                .as(TicketPage.class).items()).extracting(Ticket::id).containsExactly(closed.id());
        assertThat(api.get(ANALYST, "/api/tickets?assignee=none").as(TicketPage.class).items())
                .extracting(Ticket::id).containsExactly(open.id());
        assertProblem(api.get(ANALYST, "/api/tickets?assignee=me"), 403, "nobody's assignee");
        assertProblem(api.get(ANALYST, "/api/tickets/counts?assignee=me"), 403, "nobody's assignee");
    }

    @Test
    void analystsReadAClosedTicketItsHistoryAndItsPublicMessagesButNoInternalNote() {
        Api.Answer one = api.get(ANALYST, "/api/tickets/" + closed.id());
        assertThat(one.status).as(one.toString()).isEqualTo(200);
        assertThat(one.as(Ticket.class).status()).isEqualTo(TicketStatus.CLOSED);

        List<Message> messages = api.get(ANALYST, "/api/tickets/" + closed.id() + "/messages")
                .as(Argument.listOf(Message.class));
        assertThat(messages).extracting(Message::body).containsExactly("We are on it");
        assertThat(api.get(STAFF, "/api/tickets/" + closed.id() + "/messages").as(Argument.listOf(Message.class)))
                .as("the note exists, for staff").hasSize(2);

        List<HistoryEntry> history = api.get(ANALYST, "/api/tickets/" + closed.id() + "/history")
                .as(Argument.listOf(HistoryEntry.class));
        List<HistoryEntry> staffs = api.get(STAFF, "/api/tickets/" + closed.id() + "/history")
                .as(Argument.listOf(HistoryEntry.class));
        assertThat(history).isNotEmpty().hasSizeLessThan(staffs.size());
    }

    @Test
    void analystsWriteNothing() {
        String ticket = "/api/tickets/" + open.id();
        Map<String, Object> newTicket = Map.of("title", "Printer jam", "description", "The printer jams.",
                "priority", "LOW");
        assertThat(api.post(ANALYST, "/api/tickets", newTicket).status).isEqualTo(403);
        assertThat(api.patch(ANALYST, ticket, Map.of("title", "Renamed", "version", open.version())).status)
                .isEqualTo(403);
        assertThat(api.post(ANALYST, ticket + "/status", Map.of("status", "ACTIVE")).status).isEqualTo(403);
        assertThat(api.post(ANALYST, ticket + "/assignee", Map.of("assignee", "Al Analyst")).status).isEqualTo(403);
        assertThat(api.post(ANALYST, ticket + "/messages", Map.of("body", "Hello")).status).isEqualTo(403);
        assertThat(api.post(ANALYST, ticket + "/read", null).status).isEqualTo(403);
        assertThat(api.delete(ANALYST, ticket).status).isEqualTo(403);
        assertThat(api.post(ANALYST, "/api/tickets/classify", Map.of("text", "printer")).status).isEqualTo(403);
        assertThat(api.get(ANALYST, "/api/tokens").status).isEqualTo(403);
        assertThat(api.get(ANALYST, "/api/classifier").status).isEqualTo(403);

        Ticket after = api.get(STAFF, ticket).as(Ticket.class);
        assertThat(after.version()).as("nothing changed").isEqualTo(open.version());
        assertThat(api.get(STAFF, ticket + "/messages").as(Argument.listOf(Message.class))).isEmpty();
    }
}
