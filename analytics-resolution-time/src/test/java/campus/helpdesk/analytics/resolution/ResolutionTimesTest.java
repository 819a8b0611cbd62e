package campus.helpdesk.analytics.resolution;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResolutionTimesTest {

    private static final Instant MAY = Instant.parse("2026-05-10T08:00:00Z");
    private static final YearMonth MAY_MONTH = YearMonth.of(2026, 5);

    private final ResolutionTimes utc = new ResolutionTimes("UTC");

    private static TicketFacts closed(long id, Category category, Instant opened, Duration resolution) {
        return new TicketFacts(id, category, TicketStatus.CLOSED, Priority.LOW, opened, opened.plus(resolution),
                opened.plus(Duration.ofMinutes(30)), 3, null, null, null);
    }

    private static void apply(ResolutionTimes model, long id, TicketFacts facts) {
        model.apply(new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.STATUS_CHANGED, id,
                Instant.now(), "staff", false, facts));
    }

    private ResolutionTimes.MonthFigures may(Category category) {
        return utc.figures(MAY_MONTH, MAY_MONTH, category).getFirst();
    }

    @Test
    void closedTicketsCountInTheMonthTheyWereOpenedWithAverageMedianAndP90InHours() {
        apply(utc, 1, closed(1, Category.IT, MAY, Duration.ofHours(1)));
        apply(utc, 2, closed(2, Category.IT, MAY, Duration.ofHours(2)));
        apply(utc, 3, closed(3, Category.FACILITY, MAY, Duration.ofMinutes(4 * 60 + 30)));
        ResolutionTimes.MonthFigures all = may(null);
        assertThat(all.closed()).isEqualTo(3);
        assertThat(all.averageHours()).isEqualTo(2.5);
        assertThat(all.medianHours()).isEqualTo(2.0);
        assertThat(all.p90Hours()).isEqualTo(4.5);
        assertThat(all.medianFirstResponseHours()).isEqualTo(0.5);
        assertThat(may(Category.IT).closed()).isEqualTo(2);
        assertThat(may(Category.SERVICES).closed()).isZero();
    }

    @Test
    void ticketsNotClosedCountOnlyForFirstResponse() {
        apply(utc, 1, new TicketFacts(1, Category.IT, TicketStatus.ACTIVE, Priority.LOW, MAY, null,
                MAY.plus(Duration.ofMinutes(90)), 2, null, null, null));
        ResolutionTimes.MonthFigures figures = may(null);
        assertThat(figures.closed()).isZero();
        assertThat(figures.averageHours()).isNull();
        assertThat(figures.medianHours()).isNull();
        assertThat(figures.medianFirstResponseHours()).isEqualTo(1.5);
    }

    @Test
    void deletedTicketsAndCorrectedCategoriesMoveTheFigures() {
        apply(utc, 1, closed(1, Category.IT, MAY, Duration.ofHours(1)));
        apply(utc, 2, closed(2, Category.IT, MAY, Duration.ofHours(3)));
        TicketFacts corrected = closed(2, Category.SERVICES, MAY, Duration.ofHours(3));
        apply(utc, 2, new TicketFacts(2, Category.SERVICES, corrected.status(), corrected.priority(),
                corrected.openedAt(), corrected.closedAt(), corrected.firstResponseAt(), 4, null, null, null));
        assertThat(may(Category.SERVICES).closed()).isEqualTo(1);
        apply(utc, 1, null);
        assertThat(may(null).closed()).isEqualTo(1);
        assertThat(may(Category.IT).closed()).isZero();
    }

    @Test
    void theMonthOfOpeningIsTakenInTheConfiguredZone() {
        Instant lateOnJanuary31Utc = Instant.parse("2026-01-31T23:30:00Z");
        ResolutionTimes berlin = new ResolutionTimes("Europe/Berlin");
        apply(berlin, 1, closed(1, Category.IT, lateOnJanuary31Utc, Duration.ofHours(1)));
        apply(utc, 1, closed(1, Category.IT, lateOnJanuary31Utc, Duration.ofHours(1)));
        assertThat(berlin.figures(YearMonth.of(2026, 2), YearMonth.of(2026, 2), null).getFirst().closed()).isEqualTo(1);
        assertThat(utc.figures(YearMonth.of(2026, 1), YearMonth.of(2026, 1), null).getFirst().closed()).isEqualTo(1);
    }

    @Test
    void everyMonthOfTheRangeIsListedAlsoWithoutData() {
        apply(utc, 1, closed(1, Category.IT, MAY, Duration.ofHours(1)));
        List<ResolutionTimes.MonthFigures> rows = utc.figures(YearMonth.of(2026, 3), YearMonth.of(2026, 6), null);
        assertThat(rows).extracting(r -> r.month().toString())
                .containsExactly("2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(rows).extracting(ResolutionTimes.MonthFigures::closed).containsExactly(0, 0, 1, 0);
    }

    @Test
    void aSnapshotLoadedUnsortedAnswersLikeOneAppliedEventByEvent() {
        ResolutionTimes loaded = new ResolutionTimes("UTC");
        loaded.reset();
        for (int id = 1; id <= 50; id++) {
            TicketFacts facts = closed(id, Category.FACILITY, MAY, Duration.ofMinutes((id * 37L) % 500 + 1));
            loaded.load(facts);
            apply(utc, id, facts);
        }
        loaded.loaded();
        assertThat(loaded.figures(MAY_MONTH, MAY_MONTH, null)).isEqualTo(utc.figures(MAY_MONTH, MAY_MONTH, null));
    }

    @Test
    void rangeDefaultsToTheLastTwelveMonthsAndRejectsBadValues() {
        MonthRange range = MonthRange.parse(null, null, null, YearMonth.of(2026, 11));
        assertThat(range.from()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(range.to()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(MonthRange.parse("2026-01", "2026-01", "it", YearMonth.of(2026, 11)).category())
                .isEqualTo(Category.IT);
    }
}
