package campus.helpdesk.ticket.contract;

import campus.helpdesk.api.ApiToken;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.ClassifyRequest;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.HistoryEntry;
import campus.helpdesk.api.IssuedApiToken;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.NewApiToken;
import campus.helpdesk.api.NewMessage;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.StatusChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.api.TokenCheck;
import campus.helpdesk.client.ApiTokenClient;
import campus.helpdesk.client.ChangeFeedClient;
import campus.helpdesk.client.ClassifyClient;
import campus.helpdesk.client.MessageClient;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every operation of every contract in ticket-api, called the way its callers call it: through ticket-client's
 * declarative clients, with the credentials their one filter attaches, against the real service and database.
 * A contract that the service no longer honours (a path, a parameter, a body, a status) fails here.
 */
@MicronautTest(transactional = false)
class ContractFromTheCallingSideTest extends ApiTest {

    @Inject
    MessageClient messages;
    @Inject
    ClassifyClient classifier;
    @Inject
    ApiTokenClient apiTokens;
    @Inject
    ChangeFeedClient feed;

    @Test
    void aStudentFilesATicketOnceEditsItAndTalksUnderIt() {
        as(STUDENT).run(() -> {
            NewTicket report = new NewTicket("Printer jammed in room B4", "The printer shows error 13.", "B4",
                    Priority.LOW, null);
            HttpResponse<Ticket> created = tickets.create(report, "contract-key-1");
            assertThat(created.code()).isEqualTo(201);
            Ticket ticket = created.body();
            HttpResponse<Ticket> again = tickets.create(report, "contract-key-1");
            assertThat(again.code()).isEqualTo(200);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.body().id()).isEqualTo(ticket.id());

            assertThat(tickets.get(ticket.id())).isEqualTo(ticket);
            Ticket edited = tickets.patch(ticket.id(), new TicketPatch("Printer jammed in room B4, tray 2", null,
                    null, Priority.HIGH, null, null), String.valueOf(ticket.version()));
            assertThat(edited.title()).endsWith("tray 2");
            assertThat(edited.priority()).isEqualTo(Priority.HIGH);
            assertThat(tickets.list("OPEN", null, null, null, null, null, null, null, null, null, null, null, "openedAt,desc", "0", "100").items())
                    .extracting(Ticket::id).contains(ticket.id());
            assertThat(tickets.counts(null, null, "LOW", null, null, null, null, null, null, null, null, null).byStatus())
                    .as("a student's counts have no CLOSED entry").containsKeys(TicketStatus.OPEN, TicketStatus.ACTIVE)
                    .doesNotContainKey(TicketStatus.CLOSED);

            HttpResponse<Message> posted = messages.post(ticket.id(), new NewMessage("Any news?", null));
            assertThat(posted.code()).isEqualTo(201);
            assertThat(messages.messages(ticket.id())).extracting(Message::body).containsExactly("Any news?");
            assertThat(tickets.history(ticket.id())).extracting(HistoryEntry::type)
                    .containsExactly(EventType.CREATED, EventType.EDITED, EventType.MESSAGE_ADDED);
            assertThat(classifier.classify(new ClassifyRequest("The printer in the library is jammed")).category())
                    .isNotNull();
        });
    }

    @Test
    void staffMoveAndDeleteATicketAndTheFeedTellsAFollowerEveryStep() {
        String from = feed.changes(ChangePage.START, 1000, 0).next();
        Ticket ticket = create();
        Ticket spam = create();
        as(STAFF).run(() -> {
            assertThat(tickets.changeStatus(ticket.id(), new StatusChange(TicketStatus.ACTIVE, ticket.version()),
                    null).assignee()).isEqualTo(STAFF.user());
            assertThat(tickets.changeStatus(ticket.id(), new StatusChange(TicketStatus.CLOSED, null), null)
                    .closedAt()).isNotNull();
            HttpClientResponseException readOnly = catchThrowableOfType(HttpClientResponseException.class,
                    () -> tickets.delete(ticket.id()));
            assertThat(readOnly.getStatus().getCode()).as("a closed ticket is read-only").isEqualTo(409);
            assertThat(tickets.delete(spam.id()).code()).isEqualTo(204);
            assertThat(tickets.get(spam.id())).as("a deleted ticket is not found").isNull();
        });
        assertThat(eventsOf(spam.id(), from, EventType.DELETED)).containsExactly(EventType.CREATED,
                EventType.DELETED);
        // Stamped before the deletion above: all in the feed by now, and no DELETED among them.
        assertThat(eventsOf(ticket.id(), from, EventType.STATUS_CHANGED)).containsExactly(EventType.CREATED,
                EventType.STATUS_CHANGED, EventType.STATUS_CHANGED);
    }

    @Test
    void aRefusalReachesTheCallerAsTheServicesProblem() {
        Ticket ticket = create();
        HttpClientResponseException forbidden = catchThrowableOfType(HttpClientResponseException.class, () ->
                as(STUDENT).call(() -> tickets.changeStatus(ticket.id(), new StatusChange(TicketStatus.ACTIVE, null),
                        null)));
        assertThat(forbidden.getStatus().getCode()).isEqualTo(403);
        HttpClientResponseException stale = catchThrowableOfType(HttpClientResponseException.class, () ->
                as(STUDENT).call(() -> tickets.patch(ticket.id(), new TicketPatch("Later", null, null, null, null,
                        null), "7")));
        assertThat(stale.getStatus().getCode()).isEqualTo(409);
        assertThat(stale.getResponse().getContentType().orElseThrow().toString())
                .isEqualTo("application/problem+json");
        assertThat(stale.getResponse().getBody(Map.class).orElseThrow()).containsEntry("currentVersion", 1);
    }

    @Test
    void staffIssueAndRevokeATokenThatTheGatewayVerifiesAsItself() {
        IssuedApiToken issued = as(STAFF).call(() -> {
            HttpResponse<IssuedApiToken> answer = apiTokens.issue(new NewApiToken("contract-bi", "ANALYST", 1));
            assertThat(answer.code()).isEqualTo(201);
            return answer.body();
        });
        assertThat(as(STAFF).call(apiTokens::tokens)).extracting(ApiToken::name).contains("contract-bi");

        ApiToken verified = apiTokens.verify(new TokenCheck(issued.value()));
        assertThat(verified.owner()).isEqualTo(STAFF.user());
        assertThat(verified.role()).isEqualTo("ANALYST");

        assertThat(as(STAFF).call(() -> apiTokens.revoke("contract-bi")).revokedAt()).isNotNull();
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> apiTokens.verify(new TokenCheck(issued.value())));
        assertThat(refused.getStatus().getCode()).isEqualTo(401);
    }

    /** The types of one ticket's events after {@code from}, long-polling until {@code last} has come. */
    private List<EventType> eventsOf(long ticketId, String from, EventType last) {
        List<EventType> types = new ArrayList<>();
        String cursor = from;
        long deadline = System.currentTimeMillis() + 15_000;
        while (!types.contains(last) && System.currentTimeMillis() < deadline) {
            ChangePage page = feed.changes(cursor, 1000, 1000);
            page.events().stream().filter(e -> e.ticketId() == ticketId).map(ChangeEvent::type).forEach(types::add);
            cursor = page.next();
        }
        return types;
    }
}
