package campus.helpdesk.ticket.identity;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.support.problem.HelpdeskProblem;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a caller may do as such, without HTTP or a database. */
class CallerRulesTest {

    private static final Identity STUDENT = new Identity(Role.STUDENT, "Ada");
    private static final Identity STAFF = new Identity(Role.STAFF, "Carla");
    private static final Identity ANALYST = new Identity(Role.ANALYST, "Al");

    @Test
    void aClosedTicketDoesNotExistForStudents() {
        assertThatThrownBy(() -> STUDENT.requireMaySee(ticket(TicketStatus.CLOSED)))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
        assertThatCode(() -> STAFF.requireMaySee(ticket(TicketStatus.CLOSED))).doesNotThrowAnyException();
        assertThatCode(() -> STUDENT.requireMaySee(ticket(TicketStatus.ACTIVE)))
                .doesNotThrowAnyException();
    }

    @Test
    void studentsListOpenAndActiveAndAreRefusedClosed() {
        assertThat(STUDENT.listableStatuses(Set.of()))
                .containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.ACTIVE);
        assertThat(STAFF.listableStatuses(Set.of())).isEqualTo(EnumSet.allOf(TicketStatus.class));
        assertThatThrownBy(() -> STUDENT.listableStatuses(Set.of(TicketStatus.CLOSED)))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    @Test
    void onlyStaffPassAStaffCheckAndTheRefusalNamesTheAction() {
        assertThatThrownBy(() -> STUDENT.requireStaff("retrain the classifier"))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()))
                .hasMessageContaining("Only staff may retrain the classifier");
        assertThatCode(() -> STAFF.requireStaff("retrain the classifier")).doesNotThrowAnyException();
    }

    @Test
    void analystsSeeAndListEveryStatusButNoInternalNotes() {
        assertThatCode(() -> ANALYST.requireMaySee(ticket(TicketStatus.CLOSED))).doesNotThrowAnyException();
        assertThat(ANALYST.listableStatuses(Set.of())).isEqualTo(EnumSet.allOf(TicketStatus.class));
        assertThat(ANALYST.listableStatuses(Set.of(TicketStatus.CLOSED))).containsExactly(TicketStatus.CLOSED);
        assertThat(ANALYST.maySeeInternalNotes()).isFalse();
        assertThat(STAFF.maySeeInternalNotes()).isTrue();
    }

    @Test
    void analystsAreNotStaff() {
        assertThat(ANALYST.isStaff()).isFalse();
        assertThatThrownBy(() -> ANALYST.requireStaff("hand tickets over"))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    @Test
    void analystsFilterByANamedAssigneeOrNoneButAreNobodysAssignee() {
        assertThatCode(() -> ANALYST.requireMayFilterByAssignee(false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ANALYST.requireMayFilterByAssignee(true))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()))
                .hasMessageContaining("nobody's assignee");
        assertThatCode(() -> STAFF.requireMayFilterByAssignee(true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> STUDENT.requireMayFilterByAssignee(false))
                .isInstanceOfSatisfying(HelpdeskProblem.class,
                        p -> assertThat(p.status().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    private static Ticket ticket(TicketStatus status) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new Ticket(7, "t", "d", null, Priority.MEDIUM, status, Category.IT, 0.9, CategorySource.AUTO, false,
                "Ada", null, now, now, null, null, 1, null, null, null, null);
    }
}
