package campus.helpdesk.ticket.search;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's "who handles what" and "what is due" filters ({@code assignee}, {@code reporter}, {@code sla},
 * {@code sort=due}) and the views' counts, on a small desk: Carla's, Davide's and nobody's tickets, reported by Ada
 * and Bruno, some of them late.
 */
@MicronautTest(transactional = false)
class WhoAndDueFiltersTest extends ApiTest {

    private static final Api.As DAVIDE = Api.As.staff("Davide Staff");
    private static final Api.As ANALYST = Api.As.analyst("Eva Analyst");

    private Ticket carlas;
    private Ticket davides;
    private Ticket unassigned;
    private Ticket brunos;
    private Ticket closed;

    @BeforeAll
    void aSmallDesk() throws Exception {
        carlas = file(STUDENT, Priority.MEDIUM);
        carlas = take(STAFF, carlas);
        davides = file(STUDENT, Priority.LOW);
        davides = take(DAVIDE, davides);
        unassigned = file(STUDENT, Priority.HIGH);
        brunos = file(OTHER_STUDENT, Priority.MEDIUM);
        closed = take(STAFF, file(OTHER_STUDENT, Priority.LOW));
        closed = api.post(STAFF, "/api/tickets/" + closed.id() + "/status", Map.of("status", "CLOSED"))
                .as(Ticket.class);
        // The HIGH ticket opened 7 hours ago: first response breached, resolution at risk (under a fifth of 8 h
        // left). Bruno's opened 7 hours ago: its first response (8 h) is at risk.
        openedAgo(unassigned.id(), Duration.ofHours(7));
        openedAgo(brunos.id(), Duration.ofHours(7));
    }

    @Test
    void staffFilterByAssigneeMeNoneOrAName() {
        assertThat(ids(STAFF, "assignee=me")).containsExactly(closed.id(), carlas.id());
        assertThat(ids(DAVIDE, "assignee=me")).containsExactly(davides.id());
        assertThat(ids(STAFF, "assignee=none")).containsExactlyInAnyOrder(unassigned.id(), brunos.id());
        assertThat(ids(STAFF, "assignee=Davide%20Staff")).containsExactly(davides.id());
        assertThat(ids(STAFF, "assignee=me&status=ACTIVE")).containsExactly(carlas.id());
    }

    @Test
    void studentsCannotFilterByAssignee() {
        assertProblem(api.get(STUDENT, "/api/tickets?assignee=me"), 403, "Only staff");
        assertProblem(api.get(STUDENT, "/api/tickets/counts?assignee=none"), 403, "Only staff");
    }

    @Test
    void everyoneMayListTheTicketsTheyReported() {
        assertThat(ids(STUDENT, "reporter=me")).containsExactlyInAnyOrder(carlas.id(), davides.id(), unassigned.id());
        assertThat(ids(OTHER_STUDENT, "reporter=me")).as("never CLOSED for a student").containsExactly(brunos.id());
        assertThat(ids(STAFF, "reporter=me")).isEmpty();
    }

    @Test
    void staffAndAnalystsListOnePersonsTicketsByTheirName() {
        String other = "reporter=" + OTHER_STUDENT.user().replace(" ", "%20");
        assertThat(ids(STAFF, other)).containsExactlyInAnyOrder(brunos.id(), closed.id());
        assertThat(ids(ANALYST, other + "&status=CLOSED")).containsExactly(closed.id());
        assertThat(ids(STAFF, "reporter=%20" + OTHER_STUDENT.user().replace(" ", "%20") + "%E2%80%8B"))
                .as("without what nobody sees at its ends, as a name is stored").containsExactlyInAnyOrder(brunos.id(), closed.id());
        assertThat(ids(STAFF, "reporter=Nobody%20Here")).isEmpty();
        assertThat(counts(STAFF, other).byStatus()).containsEntry(TicketStatus.OPEN, 1L)
                .containsEntry(TicketStatus.ACTIVE, 0L).containsEntry(TicketStatus.CLOSED, 1L);
        assertThat(counts(STAFF, other).byView()).containsExactly(Map.entry("mine", 1L), Map.entry("unassigned", 1L),
                Map.entry("all", 2L));
    }

    @Test
    void aStudentListsNoOtherPersonsTicketsByName() {
        String other = "reporter=" + OTHER_STUDENT.user().replace(" ", "%20");
        assertProblem(api.get(STUDENT, "/api/tickets?" + other), 403, "reporter=me");
        assertProblem(api.get(STUDENT, "/api/tickets/counts?" + other), 403, "reporter=me");
        assertThat(ids(STUDENT, "reporter=ME")).as("me in any case").hasSize(3);
    }

    @Test
    void theSlaFilterMatchesATicketWhenEitherTargetIsInAGivenStatusNow() {
        assertThat(ids(STAFF, "sla=BREACHED")).containsExactly(unassigned.id());
        assertThat(ids(STAFF, "sla=AT_RISK")).containsExactlyInAnyOrder(unassigned.id(), brunos.id());
        assertThat(ids(STAFF, "sla=AT_RISK,BREACHED&status=OPEN")).containsExactlyInAnyOrder(unassigned.id(),
                brunos.id());
        assertThat(ids(STAFF, "sla=MET")).as("closed at once: both targets met").containsExactly(closed.id());
        assertThat(ids(STAFF, "sla=PENDING")).containsExactlyInAnyOrder(carlas.id(), davides.id(), brunos.id());
    }

    @Test
    void sortByDuePutsTheNearestUnmetTargetFirstAndMetOrClosedLast() {
        assertThat(ids(STAFF, "sort=due")).containsExactly(unassigned.id(), brunos.id(), carlas.id(), davides.id(),
                closed.id());
        assertThat(ids(STAFF, "sort=due,desc").getLast()).as("nulls stay last").isEqualTo(closed.id());
    }

    @Test
    void theViewsAreCountedForStaffAndForStudents() {
        TicketCounts staff = counts(STAFF, "");
        assertThat(staff.byView()).containsExactly(Map.entry("mine", 2L), Map.entry("unassigned", 2L),
                Map.entry("all", 5L));
        assertThat(staff.byStatus()).containsEntry(TicketStatus.OPEN, 2L).containsEntry(TicketStatus.ACTIVE, 2L)
                .containsEntry(TicketStatus.CLOSED, 1L);
        assertThat(counts(STAFF, "status=OPEN,ACTIVE").byView()).containsExactly(Map.entry("mine", 1L),
                Map.entry("unassigned", 2L), Map.entry("all", 4L));
        assertThat(counts(STAFF, "status=ACTIVE&assignee=me").byView())
                .as("the views count every assignee").containsEntry("all", 2L);
        assertThat(counts(STAFF, "status=ACTIVE&assignee=me").byStatus())
                .as("the statuses keep the assignee filter").containsEntry(TicketStatus.ACTIVE, 1L)
                .containsEntry(TicketStatus.CLOSED, 1L);
        assertThat(counts(DAVIDE, "sla=AT_RISK,BREACHED").byView()).containsExactly(Map.entry("mine", 0L),
                Map.entry("unassigned", 2L), Map.entry("all", 2L));

        assertThat(counts(STUDENT, "").byView()).containsExactly(Map.entry("mine", 3L), Map.entry("all", 4L));
        assertThat(counts(OTHER_STUDENT, "q=window").byView()).containsExactly(Map.entry("mine", 1L),
                Map.entry("all", 4L));
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        for (String query : List.of("assignee=" + "x".repeat(81), "assignee=a%00b", "reporter=" + "x".repeat(81),
                "reporter=a%0Ab", "sla=LATE")) {
            for (String path : List.of("/api/tickets?", "/api/tickets/counts?")) {
                Api.Answer answer = api.get(STAFF, path + query);
                assertThat(answer.status).as(path + query + ": " + answer).isEqualTo(400);
                assertThat(answer.map().get("field")).as(answer.toString())
                        .isEqualTo(query.substring(0, query.indexOf('=')));
            }
        }
        assertThat(api.get(STAFF, "/api/tickets?sort=due,sideways").map().get("field")).isEqualTo("sort");
    }

    private List<Long> ids(Api.As who, String query) {
        Api.Answer answer = api.get(who, "/api/tickets?size=100&" + query);
        assertThat(answer.status).as(query + ": " + answer).isEqualTo(200);
        return answer.as(TicketPage.class).items().stream().map(Ticket::id).toList();
    }

    private TicketCounts counts(Api.As who, String query) {
        Api.Answer answer = api.get(who, "/api/tickets/counts?" + query);
        assertThat(answer.status).as(query + ": " + answer).isEqualTo(200);
        return answer.as(TicketCounts.class);
    }

    private Ticket file(Api.As who, Priority priority) {
        Api.Answer answer = api.post(who, "/api/tickets", new NewTicket("Window will not close",
                "The window in room 3.12 is stuck open", null, priority, null));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
        return answer.as(Ticket.class);
    }

    private Ticket take(Api.As staff, Ticket ticket) {
        return api.post(staff, "/api/tickets/" + ticket.id() + "/status", Map.of("status", "ACTIVE"))
                .as(Ticket.class);
    }
}
