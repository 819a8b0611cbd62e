package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.support.problem.HelpdeskProblem;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desk's rules for tickets without HTTP or a database. */
class TicketRulesTest {

    private static final Identity STUDENT = new Identity(Role.STUDENT, "Ada");
    private static final Identity STAFF = new Identity(Role.STAFF, "Carla");

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void staffMayMakeExactlyOneMoveFromEachStatus(TicketStatus from) {
        for (TicketStatus to : TicketStatus.values()) {
            boolean allowed = from == TicketStatus.OPEN && to == TicketStatus.ACTIVE
                    || from == TicketStatus.ACTIVE && to == TicketStatus.CLOSED;
            if (allowed) {
                assertThatCode(() -> TicketRules.requireMove(ticket(from), to, STAFF)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> TicketRules.requireMove(ticket(from), to, STAFF))
                        .isInstanceOfSatisfying(HelpdeskProblem.class,
                                p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode()));
            }
        }
    }

    @Test
    void aRefusedMoveNamesTheAllowedOne() {
        assertThatThrownBy(() -> TicketRules.requireMove(ticket(TicketStatus.OPEN), TicketStatus.CLOSED, STAFF))
                .hasMessageContaining("the only allowed move from OPEN is to ACTIVE");
    }

    @Test
    void studentsMayNotMoveTickets() {
        assertThatThrownBy(() -> TicketRules.requireMove(ticket(TicketStatus.OPEN), TicketStatus.ACTIVE, STUDENT))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    @Test
    void aStaleOrMissingVersionIsRefused() {
        assertThatThrownBy(() -> TicketRules.requireVersion(3L, 4, true))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.body()).containsEntry("currentVersion", 4L));
        assertThatThrownBy(() -> TicketRules.requireVersion(null, 4, true))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED.getCode()));
        assertThatCode(() -> TicketRules.requireVersion(null, 4, false)).doesNotThrowAnyException();
        assertThatCode(() -> TicketRules.requireVersion(4L, 4, true)).doesNotThrowAnyException();
    }

    @Test
    void internalNotesAreForStaffAndClosedTicketsTakeNoMessages() {
        assertThatThrownBy(() -> TicketRules.requireMayPostMessage(ticket(TicketStatus.OPEN), STUDENT, true))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
        assertThatThrownBy(() -> TicketRules.requireMayPostMessage(ticket(TicketStatus.CLOSED), STAFF, false))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode()));
        assertThatCode(() -> TicketRules.requireMayPostMessage(ticket(TicketStatus.ACTIVE), STAFF, true))
                .doesNotThrowAnyException();
    }

    @Test
    void ifMatchAcceptsPlainQuotedAndWeakVersions() {
        assertThat(IfMatch.parse("3")).isEqualTo(3L);
        assertThat(IfMatch.parse("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.parse("W/\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.version(null, 5L)).isEqualTo(5L);
        assertThatThrownBy(() -> IfMatch.version("3", 4L)).isInstanceOf(HelpdeskProblem.class);
        assertThatThrownBy(() -> IfMatch.parse("*")).isInstanceOf(HelpdeskProblem.class);
    }

    private static Ticket ticket(TicketStatus status) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new Ticket(7, "t", "d", null, Priority.MEDIUM, status, Category.IT, 0.9, CategorySource.AUTO, false,
                "Ada", null, now, now, null, null, 1, null, null, null, null);
    }
}
