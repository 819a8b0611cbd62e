package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UnclosedIndexTest {

    private static final Instant OPENED = Instant.parse("2026-05-10T08:00:00Z");
    private final UnclosedIndex model = new UnclosedIndex();

    private void apply(long id, Category category, TicketStatus status, long version) {
        TicketFacts facts = new TicketFacts(id, category, status, Priority.LOW, OPENED.plusSeconds(id),
                status == TicketStatus.CLOSED ? OPENED.plusSeconds(9_999) : null, null, version, null, null, null);
        model.apply(new ChangeEvent("1", EventType.EDITED, id, Instant.now(), "staff", false, facts));
    }

    @Test
    void openAndActiveTicketsCountButClosedOnesLeave() {
        apply(1, Category.IT, TicketStatus.OPEN, 1);
        apply(2, Category.IT, TicketStatus.ACTIVE, 2);
        apply(3, Category.IT, TicketStatus.CLOSED, 3);
        assertThat(model.openedSince(OPENED)).containsExactly(0, 2, 0);
        apply(2, Category.IT, TicketStatus.CLOSED, 3);
        assertThat(model.openedSince(OPENED)).containsExactly(0, 1, 0);
    }

    @Test
    void onlyTicketsOpenedAtOrAfterTheStartOfThePeriodCount() {
        apply(1, Category.FACILITY, TicketStatus.OPEN, 1);
        apply(2, Category.FACILITY, TicketStatus.OPEN, 1);
        assertThat(model.openedSince(OPENED.plusSeconds(2))).containsExactly(1, 0, 0);
    }

    @Test
    void aCategoryCorrectionMovesTheTicketAndADeletionRemovesIt() {
        apply(1, Category.IT, TicketStatus.OPEN, 1);
        apply(1, Category.SERVICES, TicketStatus.OPEN, 2);
        assertThat(model.openedSince(OPENED)).containsExactly(0, 0, 1);
        model.apply(new ChangeEvent("2", EventType.DELETED, 1, Instant.now(), "staff", false, null));
        assertThat(model.openedSince(OPENED)).containsExactly(0, 0, 0);
    }

    @Test
    void periodAcceptsExactlyOneOfHoursOrDaysWithinTheirRanges() {
        assertThat(Period.parse("1", null).hours()).isEqualTo(1);
        assertThat(Period.parse(null, "365").hours()).isEqualTo(8760);
        assertThat(Period.parse("8760", "").hours()).isEqualTo(8760);
    }
}
