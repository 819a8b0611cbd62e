package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.FactsReadModel;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import jakarta.inject.Singleton;

/**
 * The read model: live tickets counted per category and status. A category correction or a move arrives as new
 * facts and moves one ticket from one cell to another; a deletion takes it out. Every answer is nine numbers.
 */
@Singleton
public class CategoryCounts extends FactsReadModel {

    private static final Category[] CATEGORIES = Category.values();
    private static final int STATUSES = TicketStatus.values().length;

    private final long[] counts = new long[CATEGORIES.length * STATUSES];

    /** Counts by category and status, as of one consistent moment. */
    public record Counts(long[] byCell) {
        public long of(Category category, TicketStatus status) {
            return byCell[category.ordinal() * STATUSES + status.ordinal()];
        }
    }

    public Counts counts() {
        return read(() -> new Counts(counts.clone()));
    }

    @Override
    protected void added(TicketFacts ticket) {
        counts[cell(ticket)]++;
    }

    @Override
    protected void removed(TicketFacts ticket) {
        counts[cell(ticket)]--;
    }

    @Override
    protected void cleared() {
        java.util.Arrays.fill(counts, 0);
    }

    private static int cell(TicketFacts ticket) {
        return ticket.category().ordinal() * STATUSES + ticket.status().ordinal();
    }
}
