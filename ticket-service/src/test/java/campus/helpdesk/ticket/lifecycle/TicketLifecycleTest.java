package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.HistoryEntry;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TicketLifecycleTest extends ApiTest {

    @Test
    void creatingATicketAnswers201WithLocationReporterAndAnAutomaticCategory() {
        Api.Answer answer = api.post(STUDENT, "/api/tickets",
                new NewTicket("Eduroam keeps dropping", "The wifi in the library disconnects every minute",
                        "Library, 2nd floor", null, null));

        assertThat(answer.status).isEqualTo(201);
        Ticket ticket = answer.as(Ticket.class);
        assertThat(answer.header("Location")).isEqualTo("/api/tickets/" + ticket.id());
        assertThat(ticket.reporterName()).isEqualTo(STUDENT.user());
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(ticket.category()).isNotNull();
        assertThat(ticket.categorySource()).isEqualTo(CategorySource.AUTO);
        assertThat(ticket.categoryConfidence()).isBetween(0.0, 1.0);
        assertThat(ticket.location()).isEqualTo("Library, 2nd floor");
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(ticket.openedAt()).isEqualTo(ticket.updatedAt());
        assertThat(ticket.assignee()).isNull();
        assertThat(ticket.closedAt()).isNull();
        assertThat(ticket.firstResponseAt()).isNull();
        assertThat(api.get(STUDENT, "/api/tickets/" + ticket.id()).as(Ticket.class)).isEqualTo(ticket);
    }

    @Test
    void theStudentsOwnPriorityIsKept() {
        Api.Answer answer = api.post(STUDENT, "/api/tickets",
                new NewTicket("Fire alarm test", "There is smoke from the printer", null, Priority.LOW, null));
        assertThat(answer.as(Ticket.class).priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void takingAnOpenTicketMakesItActiveAndAssignsTheStaffMember() {
        Ticket ticket = create();
        Ticket taken = move(ticket.id(), TicketStatus.ACTIVE);
        assertThat(taken.status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(taken.assignee()).isEqualTo(STAFF.user());
        assertThat(taken.version()).isEqualTo(ticket.version() + 1);
        assertThat(taken.updatedAt()).isAfterOrEqualTo(ticket.updatedAt());
    }

    @Test
    void closingAnActiveTicketRecordsClosedAt() {
        Ticket closed = createIn(TicketStatus.CLOSED);
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull().isAfterOrEqualTo(closed.openedAt());
        assertThat(closed.assignee()).isEqualTo(STAFF.user());
    }

    @Test
    void everyIllegalStatusMoveIsRefusedWith409NamingTheAllowedMove() {
        Map<TicketStatus, List<TicketStatus>> illegal = Map.of(
                TicketStatus.OPEN, List.of(TicketStatus.OPEN, TicketStatus.CLOSED),
                TicketStatus.ACTIVE, List.of(TicketStatus.OPEN, TicketStatus.ACTIVE),
                TicketStatus.CLOSED, List.of(TicketStatus.OPEN, TicketStatus.ACTIVE, TicketStatus.CLOSED));
        illegal.forEach((from, targets) -> {
            for (TicketStatus to : targets) {
                Ticket ticket = createIn(from);
                Api.Answer answer = api.post(STAFF, "/api/tickets/" + ticket.id() + "/status",
                        Map.of("status", to.name()));
                String allowed = from == TicketStatus.CLOSED ? "no move is allowed from CLOSED"
                        : "the only allowed move from " + from + " is to " + TicketLifecycle.nextStatus(from);
                assertProblem(answer, 409, allowed);
                // Unread aside: the marker is each caller's own, and an OPEN ticket was filed by the student.
                assertThat(api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class))
                        .usingRecursiveComparison().ignoringFields("unread").isEqualTo(ticket);
            }
        });
    }

    @Test
    void onlyStaffMayChangeAStatus() {
        Ticket ticket = create();
        assertProblem(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/status", Map.of("status", "ACTIVE")),
                403, "Only staff");
    }

    @Test
    void aStatusChangeWithAStaleVersionIsRefused() {
        Ticket ticket = create();
        Api.Answer answer = api.post(STAFF, "/api/tickets/" + ticket.id() + "/status",
                Map.of("status", "ACTIVE", "version", ticket.version() + 5));
        assertProblem(answer, 409, "has no version " + (ticket.version() + 5) + " yet: the current version is "
                + ticket.version());
        assertThat(((Number) answer.map().get("currentVersion")).longValue()).isEqualTo(ticket.version());
    }

    @Test
    void studentCannotSeeClosedTickets() {
        Ticket closed = createIn(TicketStatus.CLOSED);
        Ticket open = create();

        assertProblem(api.get(STUDENT, "/api/tickets/" + closed.id()), 404, "does not exist");
        assertProblem(api.get(STUDENT, "/api/tickets?status=CLOSED"), 403, "CLOSED");
        assertProblem(api.get(STUDENT, "/api/tickets?status=OPEN,CLOSED"), 403, "CLOSED");
        assertProblem(api.get(STUDENT, "/api/tickets/" + closed.id() + "/history"), 404, "does not exist");
        assertProblem(api.get(STUDENT, "/api/tickets/" + closed.id() + "/messages"), 404, "does not exist");
        TicketPage page = api.get(STUDENT, "/api/tickets?size=100").as(TicketPage.class);
        assertThat(page.items()).extracting(Ticket::id).contains(open.id()).doesNotContain(closed.id());
        assertThat(page.items()).extracting(Ticket::status).doesNotContain(TicketStatus.CLOSED);

        assertThat(api.get(STAFF, "/api/tickets/" + closed.id()).status).isEqualTo(200);
        assertThat(api.get(STAFF, "/api/tickets?status=CLOSED&size=100").as(TicketPage.class).items())
                .extracting(Ticket::id).contains(closed.id());
    }

    @Test
    void aStudentsRetryOfATicketClosedMeanwhileIs404NotTheClosedTicket() {
        Map<String, String> body = Map.of("title", "Wifi down in D2", "description", "No eduroam in room D2 today");
        Map<String, String> key = Map.of("Idempotency-Key", "retry-after-close");
        Api.Answer first = api.send(STUDENT, "POST", "/api/tickets", body, key);
        assertThat(first.status).isEqualTo(201);
        long id = first.as(Ticket.class).id();
        move(id, TicketStatus.ACTIVE);
        move(id, TicketStatus.CLOSED);

        assertProblem(api.send(STUDENT, "POST", "/api/tickets", body, key), 404, "does not exist");
    }

    @Test
    void eitherRoleMayEditTitleDescriptionLocationAndPriorityGivenTheVersion() {
        Ticket ticket = create();
        Map<String, Object> patch = new HashMap<>(Map.of("title", "Projector in B12 flickers",
                "location", "Building B, room 12", "priority", "HIGH"));
        Api.Answer answer = api.send(OTHER_STUDENT, "PATCH", "/api/tickets/" + ticket.id(), patch,
                Map.of("If-Match", "\"" + ticket.version() + "\""));

        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        Ticket edited = answer.as(Ticket.class);
        assertThat(edited.title()).isEqualTo("Projector in B12 flickers");
        assertThat(edited.location()).isEqualTo("Building B, room 12");
        assertThat(edited.priority()).isEqualTo(Priority.HIGH);
        assertThat(edited.description()).isEqualTo(ticket.description());
        assertThat(edited.version()).isEqualTo(ticket.version() + 1);

        Ticket cleared = api.patch(STAFF, "/api/tickets/" + ticket.id(),
                Map.of("location", "", "version", edited.version())).as(Ticket.class);
        assertThat(cleared.location()).isNull();
    }

    @Test
    void anEditWithoutAVersionIsRefusedRatherThanOverwriting() {
        Ticket ticket = create();
        assertProblem(api.patch(STUDENT, "/api/tickets/" + ticket.id(), Map.of("title", "New title")), 428,
                "version");
    }

    @Test
    void anEditWithAStaleVersionGets409WithTheCurrentVersion() {
        Ticket ticket = create();
        api.patch(STUDENT, "/api/tickets/" + ticket.id(), Map.of("title", "First", "version", ticket.version()));
        Api.Answer stale = api.patch(STUDENT, "/api/tickets/" + ticket.id(),
                Map.of("title", "Second", "version", ticket.version()));
        assertProblem(stale, 409, "current version is " + (ticket.version() + 1));
        assertThat(((Number) stale.map().get("currentVersion")).longValue()).isEqualTo(ticket.version() + 1);
        assertThat(api.get(STUDENT, "/api/tickets/" + ticket.id()).as(Ticket.class).title()).isEqualTo("First");
    }

    @Test
    void aClosedTicketCannotBeEdited() {
        Ticket closed = createIn(TicketStatus.CLOSED);
        assertProblem(api.patch(STAFF, "/api/tickets/" + closed.id(),
                Map.of("title", "Late edit", "version", closed.version())), 409, "closed");
        assertProblem(api.patch(STUDENT, "/api/tickets/" + closed.id(),
                Map.of("title", "Late edit", "version", closed.version())), 404, "does not exist");
    }

    @Test
    void onlyStaffMayCorrectTheCategoryWhichThenCountsAsStaffsChoice() throws Exception {
        Ticket ticket = create(STUDENT, "Canteen card reader rejects my card", "The card reader at the till is broken");
        Category other = ticket.category() == Category.SERVICES ? Category.IT : Category.SERVICES;
        assertProblem(api.patch(STUDENT, "/api/tickets/" + ticket.id(),
                Map.of("category", other.name(), "version", ticket.version())), 403, "Only staff");

        Ticket corrected = api.patch(STAFF, "/api/tickets/" + ticket.id(),
                Map.of("category", other.name(), "version", ticket.version())).as(Ticket.class);
        assertThat(corrected.category()).isEqualTo(other);
        assertThat(corrected.categorySource()).isEqualTo(CategorySource.STAFF);
        assertThat(corrected.needsReview()).isFalse();
        try (Connection c = sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT predicted, corrected, actor, text FROM category_correction WHERE ticket_id = "
                        + ticket.id())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(ticket.category().name());
            assertThat(rs.getString(2)).isEqualTo(other.name());
            assertThat(rs.getString(3)).isEqualTo(STAFF.user());
            assertThat(rs.getString(4)).contains("card reader");
        }
        // A later edit of the text does not undo the staff's decision.
        Ticket edited = api.patch(STUDENT, "/api/tickets/" + ticket.id(), Map.of("description",
                "The projector and the wifi are broken", "version", corrected.version())).as(Ticket.class);
        assertThat(edited.category()).isEqualTo(other);
        assertThat(edited.categorySource()).isEqualTo(CategorySource.STAFF);
    }

    @Test
    void aClosedTicketIsReadOnlyAndCannotBeDeletedEither() {
        Ticket ticket = create();
        move(ticket.id(), TicketStatus.ACTIVE);
        Ticket closed = move(ticket.id(), TicketStatus.CLOSED);

        assertProblem(api.delete(STAFF, "/api/tickets/" + ticket.id()), 409, "is closed and can no longer be changed");
        Ticket still = api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class);
        assertThat(still.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(still.version()).as("nothing changed").isEqualTo(closed.version());
    }

    @Test
    void onlyStaffMayDeleteAndADeletedTicketVanishesFromEveryRead() {
        Ticket ticket = create();
        assertProblem(api.delete(STUDENT, "/api/tickets/" + ticket.id()), 403, "Only staff");
        assertThat(api.delete(STAFF, "/api/tickets/" + ticket.id()).status).isEqualTo(204);

        for (Api.As who : List.of(STUDENT, STAFF)) {
            assertProblem(api.get(who, "/api/tickets/" + ticket.id()), 404, "does not exist");
            assertProblem(api.get(who, "/api/tickets/" + ticket.id() + "/history"), 404, "does not exist");
            assertProblem(api.get(who, "/api/tickets/" + ticket.id() + "/messages"), 404, "does not exist");
            assertThat(api.get(who, "/api/tickets?size=100").as(TicketPage.class).items())
                    .extracting(Ticket::id).doesNotContain(ticket.id());
        }
        assertProblem(api.delete(STAFF, "/api/tickets/" + ticket.id()), 404, "does not exist");
    }

    @Test
    void theHistoryListsEveryChangeOldestFirstWithActorAndWhatChanged() {
        Ticket ticket = create();
        Ticket edited = api.patch(STUDENT, "/api/tickets/" + ticket.id(),
                Map.of("priority", "HIGH", "version", ticket.version())).as(Ticket.class);
        move(ticket.id(), TicketStatus.ACTIVE);
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "On my way"));

        List<HistoryEntry> history = api.get(STUDENT, "/api/tickets/" + ticket.id() + "/history")
                .as(Argument.listOf(HistoryEntry.class));
        assertThat(history).extracting(HistoryEntry::type).containsExactly(EventType.CREATED, EventType.EDITED,
                EventType.STATUS_CHANGED, EventType.MESSAGE_ADDED);
        assertThat(history).extracting(HistoryEntry::actor)
                .containsExactly(STUDENT.user(), STUDENT.user(), STAFF.user(), STAFF.user());
        assertThat(history.get(1).changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("priority");
            assertThat(change.from()).isEqualTo("MEDIUM");
            assertThat(change.to()).isEqualTo("HIGH");
        });
        assertThat(history.get(2).changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("status");
            assertThat(change.to()).isEqualTo("ACTIVE");
        });
        assertThat(history).extracting(HistoryEntry::at).isSorted();
        assertThat(edited.version()).isEqualTo(2);
    }
}
