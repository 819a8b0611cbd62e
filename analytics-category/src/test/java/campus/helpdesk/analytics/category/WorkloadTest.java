package campus.helpdesk.analytics.category;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-priority counts and the workload per assignee of the read model. */
class WorkloadTest {

    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    private static final Instant OPENED = NOW.minus(Duration.ofDays(3));

    private final CategoryCounts model = new CategoryCounts(Clock.fixed(NOW, ZoneOffset.UTC));

    private static TicketFacts facts(long id, long version, TicketStatus status, Priority priority, String assignee,
                                     Duration firstResponse, Duration closed) {
        return new TicketFacts(id, Category.IT, status, priority, OPENED, closed == null ? null : OPENED.plus(closed),
                firstResponse == null ? null : OPENED.plus(firstResponse), version, assignee, null, null);
    }

    private void apply(long id, TicketFacts facts) {
        model.apply(new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.EDITED, id, Instant.now(),
                "staff", false, facts));
    }

    @Test
    void activeTicketsCountForTheirAssigneeAndAHandoverMovesThem() {
        apply(1, facts(1, 2, TicketStatus.ACTIVE, Priority.LOW, "Ada", Duration.ofHours(1), null));
        apply(2, facts(2, 2, TicketStatus.ACTIVE, Priority.LOW, "Ada", null, null));
        apply(2, facts(2, 3, TicketStatus.ACTIVE, Priority.LOW, "Grace", null, null));
        assertThat(model.workload(NOW).assignees()).containsExactly(
                new Workload.Row("Ada", 1, 0, null, null), new Workload.Row("Grace", 1, 0, null, null));
    }

    @Test
    void unassignedCountsLiveOpenAndActiveTicketsWithoutAnAssignee() {
        apply(1, facts(1, 1, TicketStatus.OPEN, Priority.LOW, null, null, null));
        apply(2, facts(2, 1, TicketStatus.OPEN, Priority.LOW, null, null, null));
        apply(3, facts(3, 3, TicketStatus.CLOSED, Priority.LOW, null, null, Duration.ofHours(2)));
        assertThat(model.workload(NOW).unassigned()).isEqualTo(2);
        apply(1, facts(1, 2, TicketStatus.ACTIVE, Priority.LOW, "Ada", null, null));
        apply(2, null);
        assertThat(model.workload(NOW).unassigned()).isZero();
    }

    @Test
    void closingsInTheLast30DaysGiveMediansOfFirstResponseAndResolution() {
        apply(1, facts(1, 3, TicketStatus.CLOSED, Priority.LOW, "Ada", Duration.ofHours(1), Duration.ofHours(10)));
        apply(2, facts(2, 3, TicketStatus.CLOSED, Priority.LOW, "Ada", Duration.ofHours(3), Duration.ofHours(20)));
        apply(3, facts(3, 3, TicketStatus.CLOSED, Priority.LOW, "Ada", null, Duration.ofHours(30)));
        assertThat(model.workload(NOW).assignees()).containsExactly(new Workload.Row("Ada", 0, 3, 1.0, 20.0));
        apply(2, null);
        assertThat(model.workload(NOW).assignees()).containsExactly(new Workload.Row("Ada", 0, 2, 1.0, 10.0));
    }

    @Test
    void closingsOlderThan30DaysBeforeTheAnswerDoNotCountAndAreForgottenOnceOutOfReach() {
        Instant longAgo = NOW.minus(Duration.ofDays(40));
        apply(1, new TicketFacts(1, Category.IT, TicketStatus.CLOSED, Priority.LOW, longAgo,
                longAgo.plus(Duration.ofHours(5)), null, 3, "Ada", null, null));
        apply(2, facts(2, 3, TicketStatus.CLOSED, Priority.LOW, "Grace", null, Duration.ofHours(5)));
        assertThat(model.workload(NOW).assignees()).extracting(Workload.Row::assignee).containsExactly("Grace");
        Instant closingOfGrace = OPENED.plus(Duration.ofHours(5));
        assertThat(model.workload(closingOfGrace.plus(Duration.ofDays(30))).assignees()).hasSize(1);
        assertThat(model.workload(closingOfGrace.plus(Duration.ofDays(30)).plusMillis(1)).assignees()).isEmpty();
        apply(1, null);
        assertThat(model.workload(NOW).assignees()).hasSize(1);
    }

    @Test
    void countsPerPriorityFollowAPriorityChangeAndAddUpToTheCategoryCounts() {
        apply(1, facts(1, 1, TicketStatus.OPEN, Priority.LOW, null, null, null));
        apply(2, facts(2, 2, TicketStatus.ACTIVE, Priority.HIGH, "Ada", null, null));
        apply(1, facts(1, 2, TicketStatus.OPEN, Priority.HIGH, null, null, null));
        ActiveByCategory answer = ActiveByCategory.of(model.counts(), null);
        ActiveByCategory.CategoryCount it = answer.categories().get(Category.IT.ordinal());
        assertThat(it.byPriority()).containsExactly(new ActiveByCategory.PriorityCount(Priority.LOW, 0, 0),
                new ActiveByCategory.PriorityCount(Priority.MEDIUM, 0, 0),
                new ActiveByCategory.PriorityCount(Priority.HIGH, 1, 1));
        assertThat(it.active()).isEqualTo(1);
        assertThat(it.open()).isEqualTo(1);
        apply(2, null);
        assertThat(ActiveByCategory.of(model.counts(), null).categories().get(Category.IT.ordinal()).byPriority()
                .getLast()).isEqualTo(new ActiveByCategory.PriorityCount(Priority.HIGH, 0, 1));
    }
}
