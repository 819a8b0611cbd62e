package campus.helpdesk.analytics.category;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryCountsTest {

    private final CategoryCounts model = new CategoryCounts();

    private static TicketFacts facts(long id, Category category, TicketStatus status, long version) {
        return new TicketFacts(id, category, status, Priority.MEDIUM, Instant.parse("2026-03-01T10:00:00Z"), null,
                null, version, null, null, null);
    }

    private void apply(long id, TicketFacts facts) {
        model.apply(new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.EDITED, id, Instant.now(),
                "staff", false, facts));
    }

    @Test
    void takingATicketMovesItFromOpenToActiveInItsCategory() {
        apply(1, facts(1, Category.IT, TicketStatus.OPEN, 1));
        apply(1, facts(1, Category.IT, TicketStatus.ACTIVE, 2));
        CategoryCounts.Counts counts = model.counts();
        assertThat(counts.of(Category.IT, TicketStatus.OPEN)).isZero();
        assertThat(counts.of(Category.IT, TicketStatus.ACTIVE)).isEqualTo(1);
    }

    @Test
    void aCategoryCorrectionMovesAnActiveTicketToTheOtherCategory() {
        apply(1, facts(1, Category.IT, TicketStatus.ACTIVE, 2));
        apply(1, facts(1, Category.FACILITY, TicketStatus.ACTIVE, 3));
        ActiveByCategory answer = ActiveByCategory.of(model.counts(), null);
        assertThat(answer.categories()).extracting(ActiveByCategory.CategoryCount::active).containsExactly(1L, 0L, 0L);
        assertThat(answer.total()).isEqualTo(1);
    }

    @Test
    void deletingATicketTakesItOutOfTheCounts() {
        apply(1, facts(1, Category.SERVICES, TicketStatus.ACTIVE, 2));
        apply(2, facts(2, Category.SERVICES, TicketStatus.OPEN, 1));
        apply(1, null);
        ActiveByCategory answer = ActiveByCategory.of(model.counts(), null);
        assertThat(answer.total()).isZero();
        assertThat(answer.openTotal()).isEqualTo(1);
    }

    @Test
    void closedTicketsAreNeitherActiveNorOpen() {
        apply(1, facts(1, Category.IT, TicketStatus.ACTIVE, 2));
        apply(1, facts(1, Category.IT, TicketStatus.CLOSED, 3));
        ActiveByCategory answer = ActiveByCategory.of(model.counts(), null);
        assertThat(answer.total()).isZero();
        assertThat(answer.openTotal()).isZero();
        assertThat(answer.categories()).hasSize(3);
    }
}
