package campus.helpdesk.analytics.resolution;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.SlaStatus;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** First-response times and response targets of the read model, against service-levels' own judgement. */
class ServiceLevelFiguresTest {

    private static final Instant MAY = Instant.parse("2026-05-10T08:00:00Z");
    private static final YearMonth MAY_MONTH = YearMonth.of(2026, 5);

    private final ResolutionTimes model = new ResolutionTimes("UTC");

    /** A HIGH ticket (first response due after 1 h, resolution after 8 h) opened at MAY. */
    private static TicketFacts high(long id, long version, TicketStatus status, Duration firstResponse,
                                    Duration closed) {
        return facts(id, version, Priority.HIGH, status, firstResponse, closed, Duration.ofHours(1),
                Duration.ofHours(8));
    }

    private static TicketFacts facts(long id, long version, Priority priority, TicketStatus status,
                                     Duration firstResponse, Duration closed, Duration firstDue,
                                     Duration resolutionDue) {
        return new TicketFacts(id, Category.IT, status, priority, MAY, closed == null ? null : MAY.plus(closed),
                firstResponse == null ? null : MAY.plus(firstResponse), version, "Ada",
                firstDue == null ? null : MAY.plus(firstDue), resolutionDue == null ? null : MAY.plus(resolutionDue));
    }

    private void apply(long id, TicketFacts facts) {
        model.apply(new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.EDITED, id, Instant.now(),
                "staff", false, facts));
    }

    private TargetCounts.Figures may(Priority priority, Instant at) {
        return model.targets(MAY_MONTH, MAY_MONTH, null, priority, at).months().getFirst();
    }

    private int breachedNow(Priority priority, Instant at) {
        return model.targets(MAY_MONTH, MAY_MONTH, null, priority, at).breachedNow();
    }

    @Test
    void firstResponseTimesPerMonthWithAverageMedianAndP90AndBothFilters() {
        apply(1, high(1, 2, TicketStatus.ACTIVE, Duration.ofMinutes(30), null));
        apply(2, high(2, 2, TicketStatus.ACTIVE, Duration.ofMinutes(90), null));
        apply(3, facts(3, 2, Priority.LOW, TicketStatus.ACTIVE, Duration.ofHours(6), null, null, null));
        apply(4, high(4, 1, TicketStatus.OPEN, null, null));
        ResolutionTimes.Summary all = model.firstResponses(MAY_MONTH, MAY_MONTH, null, null).getFirst();
        assertThat(all).isEqualTo(new ResolutionTimes.Summary(3, 2.666667, 1.5, 6.0));
        assertThat(model.firstResponses(MAY_MONTH, MAY_MONTH, Category.IT, Priority.HIGH).getFirst())
                .isEqualTo(new ResolutionTimes.Summary(2, 1.0, 0.5, 1.5));
        assertThat(model.firstResponses(MAY_MONTH, MAY_MONTH, Category.FACILITY, null).getFirst())
                .isEqualTo(ResolutionTimes.Summary.EMPTY);
    }

    @Test
    void aPriorityChangeMovesTheTicketsFiguresAndItsNewTargetsReplaceTheOldOnes() {
        apply(1, facts(1, 2, Priority.LOW, TicketStatus.ACTIVE, Duration.ofHours(2), null, Duration.ofHours(24),
                Duration.ofHours(168)));
        assertThat(may(Priority.LOW, MAY.plusSeconds(60)).firstResponseMet()).isEqualTo(1);
        apply(1, facts(1, 3, Priority.HIGH, TicketStatus.ACTIVE, Duration.ofHours(2), null, Duration.ofHours(1),
                Duration.ofHours(8)));
        assertThat(may(Priority.LOW, MAY.plusSeconds(60))).isEqualTo(new TargetCounts.Figures(0, 0, 0, 0, 0));
        assertThat(may(Priority.HIGH, MAY.plusSeconds(60))).isEqualTo(new TargetCounts.Figures(1, 0, 1, 0, 0));
        assertThat(model.firstResponses(MAY_MONTH, MAY_MONTH, null, Priority.LOW).getFirst().count()).isZero();
        assertThat(model.firstResponses(MAY_MONTH, MAY_MONTH, null, Priority.HIGH).getFirst().count()).isEqualTo(1);
    }

    @Test
    void theTargetsAndTheTicketsBreachedNowAreCountedPerCategoryTooAndMoveWithIt() {
        apply(1, high(1, 1, TicketStatus.OPEN, null, null));
        apply(2, in(Category.FACILITY, high(2, 1, TicketStatus.OPEN, null, null)));
        Instant late = MAY.plusSeconds(3601);
        TargetCounts.Figures oneLate = new TargetCounts.Figures(1, 0, 1, 0, 0);
        assertThat(targets(Category.IT, null, late).months().getFirst()).isEqualTo(oneLate);
        assertThat(targets(Category.FACILITY, Priority.HIGH, late).months().getFirst()).isEqualTo(oneLate);
        assertThat(targets(Category.FACILITY, Priority.LOW, late).months().getFirst())
                .isEqualTo(new TargetCounts.Figures(0, 0, 0, 0, 0));
        assertThat(targets(Category.SERVICES, null, late).breachedNow()).isZero();
        assertThat(targets(Category.IT, null, late).breachedNow()).isEqualTo(1);
        assertThat(targets(null, null, late).breachedNow()).isEqualTo(2);

        apply(2, high(2, 2, TicketStatus.OPEN, null, null));
        assertThat(targets(Category.IT, null, late).months().getFirst())
                .isEqualTo(new TargetCounts.Figures(2, 0, 2, 0, 0));
        assertThat(targets(Category.IT, Priority.HIGH, late).breachedNow()).isEqualTo(2);
        assertThat(targets(Category.FACILITY, null, late).months().getFirst())
                .isEqualTo(new TargetCounts.Figures(0, 0, 0, 0, 0));
        assertThat(targets(Category.FACILITY, null, late).breachedNow()).isZero();
    }

    private ResolutionTimes.Targets targets(Category category, Priority priority, Instant at) {
        return model.targets(MAY_MONTH, MAY_MONTH, category, priority, at);
    }

    private static TicketFacts in(Category category, TicketFacts t) {
        return new TicketFacts(t.id(), category, t.status(), t.priority(), t.openedAt(), t.closedAt(),
                t.firstResponseAt(), t.version(), t.assignee(), t.firstResponseDueAt(), t.resolutionDueAt(),
                t.incidentId());
    }

    @Test
    void aPendingTargetTurnsBreachedByTheClockAloneAndMetWhenDoneInTime() {
        apply(1, high(1, 1, TicketStatus.OPEN, null, null));
        assertThat(may(null, MAY.plusSeconds(59 * 60))).isEqualTo(new TargetCounts.Figures(1, 0, 0, 0, 0));
        assertThat(may(null, MAY.plusSeconds(3600))).as("due time itself is not past due")
                .isEqualTo(new TargetCounts.Figures(1, 0, 0, 0, 0));
        assertThat(may(null, MAY.plusSeconds(3601))).isEqualTo(new TargetCounts.Figures(1, 0, 1, 0, 0));
        assertThat(may(null, MAY.plusSeconds(9 * 3600))).isEqualTo(new TargetCounts.Figures(1, 0, 1, 0, 1));
        assertThat(breachedNow(null, MAY.plusSeconds(3600))).isZero();
        assertThat(breachedNow(null, MAY.plusSeconds(3601))).isEqualTo(1);
        apply(1, high(1, 2, TicketStatus.ACTIVE, Duration.ofMinutes(20), null));
        assertThat(may(null, MAY.plusSeconds(3601))).isEqualTo(new TargetCounts.Figures(1, 1, 0, 0, 0));
        assertThat(breachedNow(null, MAY.plusSeconds(3601))).isZero();
        assertThat(breachedNow(null, MAY.plusSeconds(8 * 3600 + 1))).isEqualTo(1);
        apply(1, high(1, 3, TicketStatus.CLOSED, Duration.ofMinutes(20), Duration.ofHours(7)));
        assertThat(may(null, MAY.plusSeconds(99 * 3600))).isEqualTo(new TargetCounts.Figures(1, 1, 0, 1, 0));
        assertThat(breachedNow(null, MAY.plusSeconds(99 * 3600))).as("closed tickets are not breached now").isZero();
    }

    @Test
    void aTicketClosedWithoutAStaffReplyHadItsFirstResponseAtTheClosing() {
        apply(1, high(1, 2, TicketStatus.CLOSED, null, Duration.ofMinutes(10)));
        apply(2, high(2, 2, TicketStatus.CLOSED, null, Duration.ofHours(2)));
        assertThat(may(null, MAY.plusSeconds(99 * 3600))).isEqualTo(new TargetCounts.Figures(2, 1, 1, 2, 0));
    }

    @Test
    void aRepliedLateTicketStaysBreachedNowUntilClosedAndTicketsWithoutDueTimesAreJudgedInNeither() {
        apply(1, high(1, 2, TicketStatus.ACTIVE, Duration.ofHours(2), null));
        apply(2, facts(2, 1, Priority.LOW, TicketStatus.OPEN, null, null, null, null));
        assertThat(breachedNow(null, MAY.plusSeconds(7200))).isEqualTo(1);
        assertThat(breachedNow(Priority.LOW, MAY.plusSeconds(7200))).isZero();
        assertThat(may(null, MAY.plusSeconds(999_999))).isEqualTo(new TargetCounts.Figures(2, 0, 1, 0, 1));
    }

    @Test
    void deletionTakesTheTicketOutOfEveryFigure() {
        apply(1, high(1, 2, TicketStatus.ACTIVE, Duration.ofHours(2), null));
        apply(1, null);
        assertThat(may(null, MAY.plusSeconds(99 * 3600))).isEqualTo(new TargetCounts.Figures(0, 0, 0, 0, 0));
        assertThat(breachedNow(null, MAY.plusSeconds(99 * 3600))).isZero();
        assertThat(model.firstResponses(MAY_MONTH, MAY_MONTH, null, null).getFirst().count()).isZero();
    }

    /** Many random tickets, judged one by one by service-levels at a random instant, against the model's counts. */
    @Test
    void theCountsEqualServiceLevelsEvaluateTicketByTicket() {
        Random random = new Random(11);
        List<TicketFacts> tickets = new ArrayList<>();
        for (int id = 1; id <= 400; id++) {
            Duration firstDue = Duration.ofMinutes(30 + random.nextInt(600));
            Duration resolutionDue = firstDue.plusMinutes(random.nextInt(3000));
            TicketStatus status = TicketStatus.values()[random.nextInt(3)];
            Duration reply = status != TicketStatus.OPEN && random.nextBoolean()
                    ? Duration.ofMinutes(random.nextInt(900)) : null;
            Duration closed = status == TicketStatus.CLOSED ? Duration.ofMinutes(1 + random.nextInt(6000)) : null;
            TicketFacts ticket = facts(id, 1, Priority.values()[random.nextInt(3)], status, reply, closed, firstDue,
                    resolutionDue);
            tickets.add(ticket);
            apply(id, ticket);
        }
        for (int round = 0; round < 20; round++) {
            Instant now = MAY.plus(Duration.ofMinutes(random.nextInt(7000)));
            int[] expected = new int[5];
            int breached = 0;
            for (TicketFacts t : tickets) {
                var level = ServiceLevels.evaluate(new Deadlines(t.firstResponseDueAt(), null, t.resolutionDueAt(),
                        null), t.firstResponseAt(), t.closedAt(), now);
                expected[0]++;
                expected[1] += level.firstResponse() == SlaStatus.MET ? 1 : 0;
                expected[2] += level.firstResponse() == SlaStatus.BREACHED ? 1 : 0;
                expected[3] += level.resolution() == SlaStatus.MET ? 1 : 0;
                expected[4] += level.resolution() == SlaStatus.BREACHED ? 1 : 0;
                boolean anyBreached = level.firstResponse() == SlaStatus.BREACHED
                        || level.resolution() == SlaStatus.BREACHED;
                breached += t.status() != TicketStatus.CLOSED && anyBreached ? 1 : 0;
            }
            assertThat(may(null, now)).as("at %s", now).isEqualTo(new TargetCounts.Figures(expected[0], expected[1],
                    expected[2], expected[3], expected[4]));
            assertThat(breachedNow(null, now)).as("at %s", now).isEqualTo(breached);
        }
    }

    @Test
    void aSnapshotLoadedUnsortedAnswersLikeOneAppliedEventByEvent() {
        ResolutionTimes loaded = new ResolutionTimes("UTC");
        loaded.reset();
        for (int id = 1; id <= 60; id++) {
            TicketFacts ticket = facts(id, 1, Priority.values()[id % 3],
                    id % 4 == 0 ? TicketStatus.OPEN : TicketStatus.ACTIVE,
                    id % 4 == 0 ? null : Duration.ofMinutes((id * 37L) % 500 + 1), null,
                    Duration.ofMinutes((id * 53L) % 700 + 1), Duration.ofMinutes(900 + (id * 17L) % 400));
            loaded.load(ticket);
            apply(id, ticket);
        }
        loaded.loaded();
        for (int minutes = 0; minutes < 1500; minutes += 97) {
            Instant at = MAY.plus(Duration.ofMinutes(minutes));
            assertThat(loaded.targets(MAY_MONTH, MAY_MONTH, null, null, at)).isEqualTo(model.targets(MAY_MONTH,
                    MAY_MONTH, null, null, at));
            assertThat(loaded.targets(MAY_MONTH, MAY_MONTH, Category.IT, Priority.HIGH, at))
                    .isEqualTo(model.targets(MAY_MONTH, MAY_MONTH, Category.IT, Priority.HIGH, at));
        }
        assertThat(loaded.firstResponses(MAY_MONTH, MAY_MONTH, null, Priority.LOW))
                .isEqualTo(model.firstResponses(MAY_MONTH, MAY_MONTH, null, Priority.LOW));
    }

    @Test
    void attainmentIsMetOverJudgedRoundedAndNullWhenNothingIsJudged() {
        assertThat(SlaAnswer.Month.of("2026-05", new TargetCounts.Figures(3, 1, 1, 0, 1)).attainment())
                .isEqualTo(0.333333);
        assertThat(SlaAnswer.Month.of("2026-05", new TargetCounts.Figures(3, 0, 0, 0, 0)).attainment()).isNull();
        assertThat(SlaAnswer.Month.of("2026-05", new TargetCounts.Figures(1, 2, 0, 1, 0)).attainment())
                .isEqualTo(1.0);
    }
}
