package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.FactsReadModel;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The read model: the opening times of live tickets that are not CLOSED, in an {@link OpenedIndex}. A ticket
 * enters when it is created, leaves when it is closed or deleted, and moves when its category is corrected.
 */
@Singleton
public class UnclosedIndex extends FactsReadModel {

    private final OpenedIndex index = new OpenedIndex(Category.values().length);

    /** Unclosed tickets opened at or after {@code from}, per category (indexed by ordinal). */
    public long[] openedSince(Instant from) {
        long fromMillis = from.toEpochMilli();
        return read(() -> index.countFrom(fromMillis));
    }

    @Override
    protected void added(TicketFacts ticket) {
        if (ticket.status() != TicketStatus.CLOSED) {
            index.add(ticket.openedAt().toEpochMilli(), ticket.id(), ticket.category().ordinal());
        }
    }

    @Override
    protected void removed(TicketFacts ticket) {
        if (ticket.status() != TicketStatus.CLOSED) {
            index.remove(ticket.openedAt().toEpochMilli(), ticket.id());
        }
    }

    @Override
    protected void cleared() {
        index.clear();
    }
}
