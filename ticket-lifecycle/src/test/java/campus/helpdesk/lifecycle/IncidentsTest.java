package campus.helpdesk.lifecycle;

import campus.helpdesk.api.Classification;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.sla.ServiceLevels;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What following, linking, an incident's answer and its close do to a ticket, without a database. */
class IncidentsTest {

    private static final Actor ADA = new Actor("Ada", Role.STUDENT);
    private static final Actor BRUNO = new Actor("Bruno", Role.STUDENT);
    private static final Actor CARLA = new Actor("Carla", Role.STAFF);
    private static final Actor DIEGO = new Actor("Diego", Role.STAFF);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(600);

    private static Ticket opened(long id) {
        Classification guess = new Classification(Category.IT, 0.9, Map.of(Category.IT, 0.9), false, null);
        return TicketLifecycle.open(id, new NewTicket("Wifi down", "No eduroam in the library", null, Priority.MEDIUM,
                null), guess, ADA, T0, ServiceLevels.defaults()).ticket();
    }

    @Test
    void followingRecordsTheFollowerAndLeavesTheTicketAsItWas() {
        Ticket t = opened(7);
        Change joined = Incidents.follow(t, BRUNO, T1);
        assertThat(joined.ticket()).isEqualTo(t);
        assertThat(joined.event().type()).isEqualTo(EventType.FOLLOWED);
        assertThat(joined.event().changes()).containsExactly(new FieldChange("follower", null, "Bruno"));
    }

    @Test
    void linkingSetsTheIncidentWithANewVersionAndUnlinkingClearsIt() {
        Change linked = Incidents.link(opened(7), 3, CARLA, T1);
        assertThat(linked.ticket().incidentId()).isEqualTo(3L);
        assertThat(linked.ticket().version()).isEqualTo(2);
        assertThat(linked.event().type()).isEqualTo(EventType.LINKED);
        assertThat(linked.event().facts().incidentId()).isEqualTo(3L);
        assertThat(linked.event().changes()).containsExactly(new FieldChange("incidentId", null, "3"));
        assertThatThrownBy(() -> Incidents.link(linked.ticket(), 4, CARLA, T1))
                .isInstanceOf(IllegalArgumentException.class);

        Change unlinked = Incidents.unlink(linked.ticket(), CARLA, T1);
        assertThat(unlinked.ticket().incidentId()).isNull();
        assertThat(unlinked.event().type()).isEqualTo(EventType.UNLINKED);
        assertThat(unlinked.event().changes()).containsExactly(new FieldChange("incidentId", "3", null));
    }

    @Test
    void laterStepsKeepTheIncident() {
        Ticket linked = Incidents.link(opened(7), 3, CARLA, T1).ticket();
        Change taken = TicketLifecycle.move(linked, TicketStatus.ACTIVE, CARLA, T1);
        assertThat(taken.ticket().incidentId()).isEqualTo(3L);
        assertThat(taken.event().facts().incidentId()).isEqualTo(3L);
    }

    @Test
    void theIncidentsAnswerIsTheLinkedTicketsFirstResponseAndSaysWhereItCameFrom() {
        Ticket linked = Incidents.link(opened(7), 3, CARLA, T1).ticket();
        Change answered = Incidents.answer(linked, 42, 3, CARLA, T1);
        assertThat(answered.ticket().firstResponseAt()).isEqualTo(T1);
        assertThat(answered.event().type()).isEqualTo(EventType.MESSAGE_ADDED);
        assertThat(answered.event().changes()).contains(new FieldChange("message", null, "42"),
                new FieldChange("incident", null, "3"));
        assertThat(Incidents.answersLinked(CARLA, false)).isTrue();
        assertThat(Incidents.answersLinked(CARLA, true)).isFalse();
        assertThat(Incidents.answersLinked(ADA, false)).isFalse();
    }

    @Test
    void closingWithTheIncidentTakesAnOpenTicketForTheCloserThenClosesIt() {
        Ticket linked = Incidents.link(opened(7), 3, CARLA, T0).ticket();
        List<Change> steps = Incidents.closeWith(linked, 3, CARLA, T1);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).event().changes()).containsExactly(new FieldChange("status", "OPEN", "ACTIVE"),
                new FieldChange("assignee", null, CARLA.name()), new FieldChange("incident", null, "3"));
        assertThat(steps.get(1).event().changes()).containsExactly(new FieldChange("status", "ACTIVE", "CLOSED"),
                new FieldChange("closedAt", null, T1.toString()), new FieldChange("incident", null, "3"));
        Ticket closed = steps.getLast().ticket();
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(T1);
        assertThat(closed.assignee()).as("every closed ticket names who took it").isEqualTo(CARLA.name());
        assertThat(closed.version()).isEqualTo(linked.version() + 2);
        assertThat(steps).allSatisfy(step -> assertThat(step.event().type()).isEqualTo(EventType.STATUS_CHANGED));
        assertThatThrownBy(() -> Incidents.closeWith(closed, 3, CARLA, T1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingWithTheIncidentLeavesAnActiveTicketWithWhoeverTookIt() {
        Ticket linked = Incidents.link(opened(7), 3, CARLA, T0).ticket();
        Ticket taken = TicketLifecycle.move(linked, TicketStatus.ACTIVE, DIEGO, T0).ticket();
        List<Change> steps = Incidents.closeWith(taken, 3, CARLA, T1);
        assertThat(steps).hasSize(1);
        assertThat(steps.getFirst().ticket().assignee()).isEqualTo(DIEGO.name());
        assertThat(steps.getFirst().ticket().status()).isEqualTo(TicketStatus.CLOSED);
    }
}
