package campus.helpdesk.analytics.resolution;

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

/** The 30-day first-response figures: which responses are inside the window, and how changes move them. */
class FirstResponsesLast30DaysTest {

    private static final Instant AT = Instant.parse("2026-06-20T12:00:00Z");
    private static final Instant START = AT.minus(Duration.ofDays(30));

    private final ResolutionTimes model = new ResolutionTimes("UTC", Clock.fixed(AT, ZoneOffset.UTC));

    /** An ACTIVE ticket answered at {@code respondedAt}, {@code took} after it was opened. */
    private static TicketFacts answered(long id, long version, Category category, Priority priority,
                                        Instant respondedAt, Duration took) {
        return new TicketFacts(id, category, TicketStatus.ACTIVE, priority, respondedAt.minus(took), null,
                respondedAt, version, "Ada", null, null);
    }

    private static TicketFacts answered(long id, Instant respondedAt, Duration took) {
        return answered(id, 2, Category.IT, Priority.LOW, respondedAt, took);
    }

    private void apply(long id, TicketFacts facts) {
        model.apply(new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.EDITED, id, Instant.now(),
                "staff", false, facts));
    }

    private FirstResponseWindow.Figures all(Instant at) {
        return model.firstResponsesLast30Days(at, null, null);
    }

    @Test
    void countsTheResponsesAfterThirtyDaysBeforeUpToTheInstantWhateverMonthTheTicketsWereOpenedIn() {
        apply(1, answered(1, START, Duration.ofHours(1)));
        apply(2, answered(2, START.plusMillis(1), Duration.ofDays(90)));
        apply(3, answered(3, AT.minus(Duration.ofDays(10)), Duration.ofMinutes(30)));
        apply(4, answered(4, AT, Duration.ofHours(2)));
        apply(5, new TicketFacts(5, Category.IT, TicketStatus.OPEN, Priority.LOW, AT.minusSeconds(60), null, null,
                1, null, null, null));
        FirstResponseWindow.Figures figures = all(AT);
        assertThat(figures.responded()).isEqualTo(3);
        assertThat(figures.medianHours()).isEqualTo(2.0);
    }

    @Test
    void theMedianIsPercentileDiscAndTheFiltersAreTheMonthsOnes() {
        apply(1, answered(1, 2, Category.IT, Priority.HIGH, AT.minus(Duration.ofDays(1)), Duration.ofMinutes(30)));
        apply(2, answered(2, 2, Category.IT, Priority.HIGH, AT.minus(Duration.ofDays(2)), Duration.ofMinutes(90)));
        apply(3, answered(3, 2, Category.IT, Priority.LOW, AT.minus(Duration.ofDays(3)), Duration.ofHours(6)));
        apply(4, answered(4, 2, Category.FACILITY, Priority.LOW, AT.minus(Duration.ofDays(4)),
                Duration.ofMillis(4_000_123)));
        assertThat(all(AT)).isEqualTo(new FirstResponseWindow.Figures(4, 1.111145));
        assertThat(model.firstResponsesLast30Days(AT, Category.IT, null))
                .isEqualTo(new FirstResponseWindow.Figures(3, 1.5));
        assertThat(model.firstResponsesLast30Days(AT, Category.IT, Priority.HIGH))
                .isEqualTo(new FirstResponseWindow.Figures(2, 0.5));
        assertThat(model.firstResponsesLast30Days(AT, null, Priority.LOW))
                .isEqualTo(new FirstResponseWindow.Figures(2, 1.111145));
        assertThat(model.firstResponsesLast30Days(AT, Category.SERVICES, null))
                .isEqualTo(new FirstResponseWindow.Figures(0, null));
    }

    @Test
    void theWindowSlidesWithTheInstantBothWays() {
        apply(1, answered(1, AT.minus(Duration.ofDays(29)), Duration.ofHours(1)));
        apply(2, answered(2, AT.minus(Duration.ofDays(5)), Duration.ofHours(3)));
        assertThat(all(AT).responded()).isEqualTo(2);
        assertThat(all(AT.plus(Duration.ofDays(2)))).isEqualTo(new FirstResponseWindow.Figures(1, 3.0));
        assertThat(all(AT.plus(Duration.ofDays(26))).responded()).isZero();
        assertThat(all(AT)).isEqualTo(new FirstResponseWindow.Figures(2, 1.0));
    }

    @Test
    void aNewerVersionReplacesTheOldAndAnOlderOneIsIgnored() {
        apply(1, answered(1, 2, Category.IT, Priority.LOW, AT.minus(Duration.ofDays(3)), Duration.ofHours(1)));
        apply(1, answered(1, 3, Category.SERVICES, Priority.HIGH, AT.minus(Duration.ofDays(3)),
                Duration.ofHours(1)));
        assertThat(model.firstResponsesLast30Days(AT, Category.IT, null).responded()).isZero();
        assertThat(model.firstResponsesLast30Days(AT, Category.SERVICES, Priority.HIGH).responded()).isEqualTo(1);
        apply(1, answered(1, 2, Category.IT, Priority.LOW, AT.minus(Duration.ofDays(3)), Duration.ofHours(1)));
        assertThat(model.firstResponsesLast30Days(AT, Category.IT, null).responded()).isZero();
        assertThat(all(AT)).isEqualTo(new FirstResponseWindow.Figures(1, 1.0));
    }

    @Test
    void aDeletedTicketLeavesTheWindowAlsoAfterItSlid() {
        apply(1, answered(1, AT.minus(Duration.ofDays(20)), Duration.ofHours(1)));
        apply(2, answered(2, AT.minus(Duration.ofDays(2)), Duration.ofHours(4)));
        assertThat(all(AT).responded()).isEqualTo(2);
        apply(2, null);
        assertThat(all(AT)).isEqualTo(new FirstResponseWindow.Figures(1, 1.0));
        assertThat(all(AT.plus(Duration.ofDays(15)))).isEqualTo(new FirstResponseWindow.Figures(0, null));
        apply(1, null);
        assertThat(all(AT).responded()).isZero();
    }

    @Test
    void responsesOlderThanTheKeptMonthAreNotHeldEvenWhenAnAnswerLooksBack() {
        apply(1, answered(1, AT.minus(Duration.ofDays(33)), Duration.ofHours(1)));
        apply(2, answered(2, AT.minus(Duration.ofDays(30)).plusSeconds(1), Duration.ofHours(2)));
        assertThat(all(AT.minus(Duration.ofDays(5)))).isEqualTo(new FirstResponseWindow.Figures(1, 2.0));
        assertThat(model.firstResponses(java.time.YearMonth.of(2026, 5), java.time.YearMonth.of(2026, 5), null, null)
                .getFirst().count()).as("the months still count it").isEqualTo(2);
    }

    @Test
    void aSnapshotLoadedUnsortedAnswersLikeOneAppliedEventByEvent() {
        ResolutionTimes loaded = new ResolutionTimes("UTC", Clock.fixed(AT, ZoneOffset.UTC));
        loaded.reset();
        for (int id = 1; id <= 60; id++) {
            TicketFacts facts = answered(id, 2, Category.values()[id % 3], Priority.values()[id % 2],
                    AT.minus(Duration.ofHours(id * 13L)), Duration.ofMinutes((id * 37L) % 500 + 1));
            loaded.load(facts);
            apply(id, facts);
        }
        loaded.loaded();
        for (Category category : new Category[]{null, Category.IT}) {
            assertThat(loaded.firstResponsesLast30Days(AT, category, null))
                    .isEqualTo(model.firstResponsesLast30Days(AT, category, null));
        }
        assertThat(all(AT).responded()).isEqualTo(55);
    }
}
