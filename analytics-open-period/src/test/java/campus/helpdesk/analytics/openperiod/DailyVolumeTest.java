package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The volume per day of the read model: opened, closed and the backlog at the end of each day. */
class DailyVolumeTest {

    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);

    private final UnclosedIndex model = new UnclosedIndex("UTC");

    private static TicketFacts facts(long id, String opened, String closed, long version) {
        return new TicketFacts(id, Category.IT, closed == null ? TicketStatus.OPEN : TicketStatus.CLOSED,
                Priority.LOW, Instant.parse(opened), closed == null ? null : Instant.parse(closed), null, version,
                null, null, null);
    }

    private static void apply(UnclosedIndex model, long id, TicketFacts facts) {
        model.apply(new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.EDITED, id, Instant.now(),
                "staff", false, facts));
    }

    private static String line(DailyVolume.Day day) {
        return day.date() + " " + day.opened() + "/" + day.closed() + "/" + day.backlog();
    }

    @Test
    void eachDayCountsOpenedAndClosedAndTheBacklogCarriesOverFromBeforeTheWindow() {
        apply(model, 1, facts(1, "2026-05-01T10:00:00Z", null, 1));
        apply(model, 2, facts(2, "2026-05-08T10:00:00Z", "2026-05-09T11:00:00Z", 3));
        apply(model, 3, facts(3, "2026-05-09T10:00:00Z", null, 1));
        apply(model, 4, facts(4, "2026-05-09T12:00:00Z", "2026-05-09T13:00:00Z", 3));
        List<DailyVolume.Day> days = model.volume(MAY_10, 3);
        assertThat(days).extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-08 1/0/2", "2026-05-09 2/2/2", "2026-05-10 0/0/2");
    }

    @Test
    void closingMovesATicketOutOfTheBacklogOnItsClosingDayAndDeletionTakesItOutEverywhere() {
        apply(model, 1, facts(1, "2026-05-08T10:00:00Z", null, 1));
        assertThat(model.volume(MAY_10, 3)).extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-08 1/0/1", "2026-05-09 0/0/1", "2026-05-10 0/0/1");
        apply(model, 1, facts(1, "2026-05-08T10:00:00Z", "2026-05-10T09:00:00Z", 3));
        assertThat(model.volume(MAY_10, 3)).extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-08 1/0/1", "2026-05-09 0/0/1", "2026-05-10 0/1/0");
        apply(model, 1, facts(1, "2026-05-08T10:00:00Z", "2026-05-10T09:00:00Z", 2));
        assertThat(model.volume(MAY_10, 1)).as("older facts are ignored").extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-10 0/1/0");
        apply(model, 1, null);
        assertThat(model.volume(MAY_10, 3)).extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-08 0/0/0", "2026-05-09 0/0/0", "2026-05-10 0/0/0");
    }

    @Test
    void daysBeginAndEndInTheConfiguredZone() {
        UnclosedIndex rome = new UnclosedIndex("Europe/Rome");
        TicketFacts lateEvening = facts(1, "2026-05-09T22:30:00Z", null, 1);
        apply(rome, 1, lateEvening);
        apply(model, 1, lateEvening);
        assertThat(rome.volume(MAY_10, 2)).extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-09 0/0/0", "2026-05-10 1/0/1");
        assertThat(model.volume(MAY_10, 2)).extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-09 1/0/1", "2026-05-10 0/0/1");
    }

    @Test
    void aPriorityChangeOrCategoryCorrectionLeavesTheVolumeAsItWas() {
        apply(model, 1, facts(1, "2026-05-09T10:00:00Z", null, 1));
        apply(model, 1, new TicketFacts(1, Category.FACILITY, TicketStatus.OPEN, Priority.HIGH,
                Instant.parse("2026-05-09T10:00:00Z"), null, null, 2, null, null, null));
        assertThat(model.volume(MAY_10, 2)).extracting(DailyVolumeTest::line)
                .containsExactly("2026-05-09 1/0/1", "2026-05-10 0/0/1");
    }

    @Test
    void daysWithNothingLeftAreForgotten() {
        apply(model, 1, facts(1, "2026-05-09T10:00:00Z", "2026-05-10T10:00:00Z", 3));
        apply(model, 1, null);
        UnclosedIndex empty = new UnclosedIndex("UTC");
        assertThat(model.volume(MAY_10, 366)).isEqualTo(empty.volume(MAY_10, 366));
    }
}
