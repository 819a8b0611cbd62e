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

    /** The window slides forwards and back between answers; each answer must equal a count from scratch. */
    @Test
    void answersAtAnyInstantEqualACountFromScratchOfTheClosingsInTheirWindow() {
        java.util.Random random = new java.util.Random(5);
        java.util.List<TicketFacts> tickets = new java.util.ArrayList<>();
        for (int id = 1; id <= 300; id++) {
            Instant opened = NOW.minus(Duration.ofHours(1 + random.nextInt(40 * 24)));
            Duration closedAfter = Duration.ofMinutes(1 + random.nextInt(3000));
            boolean closed = opened.plus(closedAfter).isBefore(NOW) && random.nextInt(4) > 0;
            TicketFacts ticket = new TicketFacts(id, Category.IT, closed ? TicketStatus.CLOSED : TicketStatus.ACTIVE,
                    Priority.LOW, opened, closed ? opened.plus(closedAfter) : null,
                    random.nextBoolean() ? opened.plus(Duration.ofMinutes(random.nextInt(60))) : null, 3,
                    "staff-" + random.nextInt(4), null, null);
            tickets.add(ticket);
            apply(id, ticket);
            if (id % 50 == 0) {
                apply(id - 7, null);
                tickets.removeIf(t -> t.id() == ticket.id() - 7);
            }
        }
        for (int round = 0; round < 40; round++) {
            Instant at = NOW.minus(Duration.ofMinutes(random.nextInt(24 * 60)));
            assertThat(model.workload(at).assignees()).as("at %s", at).isEqualTo(fromScratch(tickets, at));
        }
    }

    private static java.util.List<Workload.Row> fromScratch(java.util.List<TicketFacts> tickets, Instant at) {
        java.util.Map<String, java.util.List<TicketFacts>> byAssignee = new java.util.TreeMap<>();
        for (TicketFacts t : tickets) {
            byAssignee.computeIfAbsent(t.assignee(), k -> new java.util.ArrayList<>()).add(t);
        }
        java.util.List<Workload.Row> rows = new java.util.ArrayList<>();
        byAssignee.forEach((name, theirs) -> {
            int active = (int) theirs.stream().filter(t -> t.status() == TicketStatus.ACTIVE).count();
            java.util.List<TicketFacts> recent = theirs.stream().filter(t -> t.status() == TicketStatus.CLOSED
                    && !t.closedAt().isBefore(at.minus(Duration.ofDays(30)))).toList();
            long[] firsts = recent.stream().filter(t -> t.firstResponseAt() != null)
                    .mapToLong(t -> t.firstResponseAt().toEpochMilli() - t.openedAt().toEpochMilli()).sorted().toArray();
            long[] resolutions = recent.stream().mapToLong(t -> t.closedAt().toEpochMilli() - t.openedAt().toEpochMilli())
                    .sorted().toArray();
            if (active > 0 || recent.size() > 0) {
                rows.add(new Workload.Row(name, active, recent.size(), median(firsts), median(resolutions)));
            }
        });
        return rows;
    }

    private static Double median(long[] sorted) {
        return sorted.length == 0 ? null
                : campus.helpdesk.analytics.Hours.of(sorted[(int) Math.ceil(0.5 * sorted.length) - 1]);
    }
}
