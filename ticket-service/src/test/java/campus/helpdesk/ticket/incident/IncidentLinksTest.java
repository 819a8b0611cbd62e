package campus.helpdesk.ticket.incident;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.Closure;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
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
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff link tickets to an incident: the rules and refusals of a link, unlinking, and what the incident's public
 * answer and its close do to every linked ticket.
 */
@MicronautTest(transactional = false)
class IncidentLinksTest extends ApiTest {

    private static final Argument<List<Message>> MESSAGES = Argument.listOf(Message.class);

    @Test
    void staffLinkOpenTicketsAndTheIncidentAnswersWithItsCounts() {
        Ticket incident = create();
        Ticket a = create(Api.As.student("Ida"), "No eduroam", "Eduroam does not connect in the library.");
        Ticket b = createIn(TicketStatus.ACTIVE);
        api.post(OTHER_STUDENT, "/api/tickets/" + incident.id() + "/followers", null);

        Api.Answer linked = link(STAFF, incident.id(), a.id(), b.id(), a.id());
        assertThat(linked.status).as(linked.toString()).isEqualTo(200);
        Ticket answer = linked.as(Ticket.class);
        assertThat(answer.id()).isEqualTo(incident.id());
        assertThat(answer.linkedCount()).isEqualTo(2);
        assertThat(answer.followerCount()).isEqualTo(1);
        assertThat(answer.incidentId()).isNull();
        for (Ticket t : List.of(a, b)) {
            Ticket now = api.get(STAFF, "/api/tickets/" + t.id()).as(Ticket.class);
            assertThat(now.incidentId()).isEqualTo(incident.id());
            assertThat(now.version()).isEqualTo(t.version() + 1);
            HistoryEntry last = lastEvent(t.id());
            assertThat(last.type()).isEqualTo(EventType.LINKED);
            assertThat(last.changes()).containsExactly(
                    new FieldChange("incidentId", null, String.valueOf(incident.id())));
        }
        assertThat(link(STAFF, incident.id(), a.id()).status).as("linking again links nothing twice").isEqualTo(200);
        assertThat(history(a.id()).stream().filter(e -> e.type() == EventType.LINKED)).hasSize(1);
    }

    @Test
    void theListShowsAnIncidentsLinkedTicketsOrLeavesEveryLinkedTicketOut() {
        Ticket incident = createIn(TicketStatus.ACTIVE);
        Ticket a = create();
        Ticket b = create();
        Ticket free = create();
        link(STAFF, incident.id(), a.id(), b.id());
        move(b.id(), TicketStatus.ACTIVE);
        move(b.id(), TicketStatus.CLOSED);

        TicketPage linked = api.get(STAFF, "/api/tickets?incident=" + incident.id() + "&sort=id,asc")
                .as(TicketPage.class);
        assertThat(linked.items()).extracting(Ticket::id).containsExactly(a.id(), b.id());
        assertThat(linked.total()).isEqualTo(2);
        assertThat(api.get(STAFF, "/api/tickets?incident=" + incident.id() + "&status=OPEN,ACTIVE")
                .as(TicketPage.class).items()).extracting(Ticket::id).containsExactly(a.id());
        assertThat(api.get(Api.As.analyst("Ana Lyst"), "/api/tickets?incident=" + incident.id())
                .as(TicketPage.class).total()).isEqualTo(2);
        assertThat(api.get(STAFF, "/api/tickets?incident=" + free.id()).as(TicketPage.class).total()).isZero();

        // The queue's fold: an OPEN linked ticket stays out of the Open tab although its incident is ACTIVE.
        List<Long> unlinked = api.get(STAFF, "/api/tickets?incident=none&status=OPEN&size=100&sort=id,desc")
                .as(TicketPage.class).items().stream().map(Ticket::id).toList();
        assertThat(unlinked).contains(free.id()).doesNotContain(a.id(), b.id(), incident.id());
        TicketCounts all = api.get(STAFF, "/api/tickets/counts?status=OPEN").as(TicketCounts.class);
        TicketCounts folded = api.get(STAFF, "/api/tickets/counts?status=OPEN&incident=none").as(TicketCounts.class);
        assertThat(all.byStatus().get(TicketStatus.OPEN) - folded.byStatus().get(TicketStatus.OPEN)).as("the linked OPEN ticket")
                .isEqualTo(1);

        for (String bad : List.of("0", "-1", "1e3", "abc", "99999999999999999999", "1,2", "٣")) {
            String value = URLEncoder.encode(bad, StandardCharsets.UTF_8);
            Api.Answer refused = api.get(STAFF, "/api/tickets?incident=" + value);
            assertProblem(refused, 400, "incident's ticket number");
            assertThat(refused.map().get("field")).as(bad).isEqualTo("incident");
            assertThat(api.get(STAFF, "/api/tickets/counts?incident=" + value).status).as(bad).isEqualTo(400);
        }
    }

    @Test
    void refusalsNameTheTicketInTheWayAndLinkNothing() {
        Ticket incident = create();
        Ticket other = create();
        Ticket free = create();
        Ticket elsewhere = create();
        Ticket closed = createIn(TicketStatus.CLOSED);
        assertThat(link(STAFF, other.id(), elsewhere.id()).status).isEqualTo(200);

        assertProblem(link(STAFF, incident.id(), free.id(), elsewhere.id()), 409,
                "Ticket " + elsewhere.id() + " is linked to incident " + other.id());
        assertProblem(link(STAFF, incident.id(), free.id(), closed.id()), 409, "Ticket " + closed.id() + " is CLOSED");
        assertProblem(link(STAFF, incident.id(), free.id(), other.id()), 409, "an incident cannot be linked");
        assertProblem(link(STAFF, elsewhere.id(), free.id()), 409, "link the tickets to " + other.id());
        assertProblem(link(STAFF, closed.id(), free.id()), 409, "CLOSED");
        Api.Answer self = link(STAFF, incident.id(), free.id(), incident.id());
        assertProblem(self, 422, "cannot be linked to itself");
        assertThat(self.map().get("field")).isEqualTo("tickets");
        assertProblem(link(STAFF, incident.id(), free.id(), 987654L), 422, "Ticket 987654 does not exist");
        assertProblem(link(STAFF, 987654L, free.id()), 404, "does not exist");
        assertThat(api.post(STAFF, "/api/tickets/" + incident.id() + "/links", Map.of("tickets", List.of())).status)
                .isEqualTo(400);
        assertThat(link(STUDENT, incident.id(), free.id()).status).isEqualTo(403);
        assertThat(link(Api.As.analyst("Ana Lyst"), incident.id(), free.id()).status).isEqualTo(403);

        Ticket untouched = api.get(STAFF, "/api/tickets/" + free.id()).as(Ticket.class);
        assertThat(untouched.incidentId()).as("all or nothing").isNull();
        assertThat(untouched.version()).isEqualTo(free.version());
        assertThat(api.get(STAFF, "/api/tickets/" + incident.id()).as(Ticket.class).linkedCount()).isNull();
    }

    @Test
    void unlinkingWhileBothAreOpen() {
        Ticket incident = create();
        Ticket child = create();
        link(STAFF, incident.id(), child.id());
        assertProblem(api.delete(STAFF, "/api/tickets/" + child.id() + "/links/" + incident.id()), 404,
                "is not linked to incident");
        assertThat(api.delete(STUDENT, "/api/tickets/" + incident.id() + "/links/" + child.id()).status)
                .isEqualTo(403);
        assertThat(api.delete(STAFF, "/api/tickets/" + incident.id() + "/links/" + child.id()).status).isEqualTo(204);
        assertThat(api.get(STAFF, "/api/tickets/" + child.id()).as(Ticket.class).incidentId()).isNull();
        assertThat(lastEvent(child.id()).type()).isEqualTo(EventType.UNLINKED);
        assertThat(lastEvent(child.id()).changes())
                .containsExactly(new FieldChange("incidentId", String.valueOf(incident.id()), null));
        assertProblem(api.delete(STAFF, "/api/tickets/" + incident.id() + "/links/" + child.id()), 404,
                "is not linked");

        link(STAFF, incident.id(), child.id());
        move(child.id(), TicketStatus.ACTIVE);
        move(child.id(), TicketStatus.CLOSED);
        assertProblem(api.delete(STAFF, "/api/tickets/" + incident.id() + "/links/" + child.id()), 409, "CLOSED");
    }

    @Test
    void deletingAnIncidentFreesItsOpenLinkedTicketsAndLeavesTheClosedOnes() {
        Ticket incident = create();
        Ticket open = create();
        Ticket closed = create();
        link(STAFF, incident.id(), open.id(), closed.id());
        move(closed.id(), TicketStatus.ACTIVE);
        move(closed.id(), TicketStatus.CLOSED);
        api.post(Api.As.student("Fritz Follower"), "/api/tickets/" + incident.id() + "/followers", null);

        assertThat(api.delete(STAFF, "/api/tickets/" + incident.id()).status).as("followers and links refuse nothing")
                .isEqualTo(204);
        assertThat(api.get(STAFF, "/api/tickets/" + open.id()).as(Ticket.class).incidentId()).isNull();
        assertThat(lastEvent(open.id()).type()).isEqualTo(EventType.UNLINKED);
        assertThat(lastEvent(open.id()).actor()).isEqualTo(STAFF.user());
        assertThat(api.get(STAFF, "/api/tickets/" + closed.id()).as(Ticket.class).incidentId())
                .as("a closed ticket is read-only").isEqualTo(incident.id());
        Ticket another = create();
        link(STAFF, another.id(), open.id());
        assertThat(api.get(STAFF, "/api/tickets/" + open.id()).as(Ticket.class).incidentId())
                .as("free to join another incident").isEqualTo(another.id());
    }

    @Test
    void theIncidentsPublicAnswerReachesEveryOpenLinkedTicketAndItsNotesStayOnIt() {
        Ticket incident = createIn(TicketStatus.ACTIVE);
        List<Ticket> linked = List.of(create(Api.As.student("R1"), "Wifi down", "No wifi in the library."),
                create(Api.As.student("R2"), "Eduroam", "Eduroam fails on floor 2."), createIn(TicketStatus.ACTIVE));
        link(STAFF, incident.id(), linked.stream().mapToLong(Ticket::id).toArray());
        say(STAFF, incident, "Internal: the switch in the basement", true);
        say(STUDENT, incident, "Any news?", false);
        say(STAFF, incident, "The controller was restarted; eduroam is back", false);

        for (Ticket t : linked) {
            List<Message> messages = api.get(STAFF, "/api/tickets/" + t.id() + "/messages").as(MESSAGES);
            assertThat(messages).extracting(Message::body)
                    .as("only the public staff answer").containsExactly("The controller was restarted; eduroam is back");
            assertThat(messages.get(0).author()).isEqualTo(STAFF.user());
            Ticket now = api.get(Api.As.student(t.reporterName()), "/api/tickets/" + t.id()).as(Ticket.class);
            assertThat(now.firstResponseAt()).as("it is each ticket's first response").isNotNull();
            assertThat(now.unread()).as("the reporter's marker sees it").isTrue();
            HistoryEntry last = lastEvent(t.id());
            assertThat(last.type()).isEqualTo(EventType.MESSAGE_ADDED);
            assertThat(last.changes()).contains(new FieldChange("incident", null, String.valueOf(incident.id())));
        }
    }

    @Test
    void closingTheIncidentClosesItsOpenLinkedTicketsWithTheSameAnswer() {
        Ticket incident = createIn(TicketStatus.ACTIVE);
        Api.As reporter = Api.As.student("Hugo Reporter");
        Ticket open = create(reporter, "Heating off", "No heating in the library.");
        Ticket active = createIn(TicketStatus.ACTIVE);
        Ticket unlinked = create();
        Api.As stillCold = Api.As.student("Ines Reporter");
        Ticket complained = create(stillCold, "Radiator cold", "The radiator in room 12 is cold.");
        link(STAFF, incident.id(), open.id(), active.id(), complained.id());
        say(reporter, open, "Also cold on the second floor", false);
        say(STAFF, incident, "The boiler is fixed", false);
        say(stillCold, complained, "Still cold in room 12 after the fix", false);
        Ticket closed = move(incident.id(), TicketStatus.CLOSED);
        assertThat(api.get(STAFF, "/api/tickets/" + open.id()).as(Ticket.class).unread())
                .as("taken to be closed with the incident, answered by it: not news in the closer's Mine").isFalse();
        assertThat(api.get(STAFF, "/api/tickets/" + complained.id()).as(Ticket.class).unread())
                .as("written after the incident's answer: news for the closer").isTrue();

        for (Ticket t : List.of(open, active)) {
            Ticket now = api.get(STAFF, "/api/tickets/" + t.id()).as(Ticket.class);
            assertThat(now.status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(now.closedAt()).isEqualTo(closed.closedAt());
            assertThat(now.assignee()).as("who took it").isEqualTo(STAFF.user());
            HistoryEntry last = lastEvent(t.id());
            assertThat(last.type()).isEqualTo(EventType.STATUS_CHANGED);
            assertThat(last.actor()).isEqualTo(STAFF.user());
            assertThat(last.changes()).contains(new FieldChange("status", "ACTIVE", "CLOSED"),
                    new FieldChange("incident", null, String.valueOf(incident.id())));
        }
        // The OPEN one was taken by the closer first: its history moves OPEN -> ACTIVE -> CLOSED as any ticket's.
        List<HistoryEntry> openHistory = history(open.id());
        HistoryEntry taken = openHistory.get(openHistory.size() - 2);
        assertThat(taken.type()).isEqualTo(EventType.STATUS_CHANGED);
        assertThat(taken.changes()).contains(new FieldChange("status", "OPEN", "ACTIVE"),
                new FieldChange("assignee", null, STAFF.user()),
                new FieldChange("incident", null, String.valueOf(incident.id())));
        Closure closure = api.get(reporter, "/api/tickets/" + open.id() + "/closure").as(Closure.class);
        assertThat(closure.closedBy()).isEqualTo(STAFF.user());
        assertThat(closure.lastAnswer().body()).isEqualTo("The boiler is fixed");
        assertThat(api.get(STAFF, "/api/tickets/" + unlinked.id()).as(Ticket.class).status())
                .isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void theFeedCarriesTheIncidentOfEveryLinkedTicketsFacts() {
        Ticket incident = createIn(TicketStatus.ACTIVE);
        Ticket child = create();
        link(STAFF, incident.id(), child.id());
        move(incident.id(), TicketStatus.CLOSED);

        List<ChangeEvent> childEvents = new ArrayList<>();
        String cursor = ChangePage.START;
        for (int polls = 0;
             polls < 50 && childEvents.stream().noneMatch(e -> e.ticket().status() == TicketStatus.CLOSED); polls++) {
            ChangePage page = api.get(FEED, "/api/changes?after=" + cursor + "&limit=1000&waitMs=200")
                    .as(ChangePage.class);
            page.events().stream().filter(e -> e.ticketId() == child.id()).forEach(childEvents::add);
            cursor = page.next();
        }
        assertThat(childEvents).extracting(ChangeEvent::type)
                .containsExactly(EventType.CREATED, EventType.LINKED, EventType.STATUS_CHANGED,
                        EventType.STATUS_CHANGED);
        assertThat(childEvents.get(0).ticket().incidentId()).isNull();
        assertThat(childEvents.get(1).ticket().incidentId()).isEqualTo(incident.id());
        assertThat(childEvents.get(2).ticket().incidentId()).isEqualTo(incident.id());
        assertThat(childEvents.get(2).ticket().status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(childEvents.get(3).ticket().status()).isEqualTo(TicketStatus.CLOSED);
    }

    Api.Answer link(Api.As who, long incidentId, long... ids) {
        return api.post(who, "/api/tickets/" + incidentId + "/links",
                Map.of("tickets", LongStream.of(ids).boxed().toList()));
    }

    private List<HistoryEntry> history(long id) {
        return api.get(STAFF, "/api/tickets/" + id + "/history").as(FollowersTest.HISTORY);
    }

    private HistoryEntry lastEvent(long id) {
        List<HistoryEntry> history = history(id);
        return history.get(history.size() - 1);
    }

    private void say(Api.As who, Ticket ticket, String body, boolean internal) {
        Api.Answer answer = api.post(who, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", body, "internal", internal));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    }
}
