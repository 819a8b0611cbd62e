package campus.helpdesk.gateway.live;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.gateway.session.GatewayRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityTest {

    static ChangeEvent event(String cursor, EventType type, TicketStatus status, boolean internal) {
        TicketFacts facts = status == null ? null : new TicketFacts(7, Category.IT, status, Priority.LOW,
                Instant.parse("2026-11-01T10:00:00Z"), status == TicketStatus.CLOSED ? Instant.now() : null, null, 3, null, null, null);
        return new ChangeEvent(cursor, type, 7, Instant.now(), "Sam", internal, facts);
    }

    @Test
    void studentsSeePublicChangesOfOpenAndActiveTickets() {
        assertThat(Visibility.visible(GatewayRole.STUDENT, event("1", EventType.CREATED, TicketStatus.OPEN, false)))
                .isTrue();
        assertThat(Visibility.visible(GatewayRole.STUDENT,
                event("2", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, false))).isTrue();
    }

    @Test
    void aJoinGoesOutWithoutTheNameOfWhoJoinedAndOtherChangesWithTheirActor() {
        assertThat(Visibility.view(event("3", EventType.FOLLOWED, TicketStatus.OPEN, false)).actor()).isNull();
        assertThat(Visibility.view(event("4", EventType.MESSAGE_ADDED, TicketStatus.OPEN, false)).actor())
                .isEqualTo("Sam");
    }

    @Test
    void studentsNeverSeeInternalNotes() {
        assertThat(Visibility.visible(GatewayRole.STUDENT,
                event("3", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, true))).isFalse();
    }

    @Test
    void studentsNeverSeeEventsOfClosedTicketsNorDeletions() {
        assertThat(Visibility.visible(GatewayRole.STUDENT,
                event("4", EventType.STATUS_CHANGED, TicketStatus.CLOSED, false))).isFalse();
        assertThat(Visibility.visible(GatewayRole.STUDENT, event("5", EventType.DELETED, null, false))).isFalse();
    }

    @Test
    void staffSeeEverything() {
        assertThat(Visibility.visible(GatewayRole.STAFF, event("6", EventType.MESSAGE_ADDED, TicketStatus.CLOSED, true)))
                .isTrue();
        assertThat(Visibility.visible(GatewayRole.STAFF, event("7", EventType.DELETED, null, false))).isTrue();
    }

    @Test
    void analystsSeeEveryPublicChangeAndWhoMadeItButNotNotes() {
        assertThat(Visibility.visible(GatewayRole.ANALYST, event("8", EventType.MESSAGE_ADDED, TicketStatus.OPEN, true)))
                .isFalse();
        ChangeEvent close = event("9", EventType.STATUS_CHANGED, TicketStatus.CLOSED, false);
        assertThat(Visibility.visible(GatewayRole.ANALYST, close)).isTrue();
        assertThat(Visibility.visible(GatewayRole.ANALYST, event("10", EventType.DELETED, null, false))).isTrue();
        assertThat(Visibility.view(close).actor()).isEqualTo("Sam");
    }
}
