package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.FactsReadModel;
import campus.helpdesk.analytics.Incidents;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The read model: the opening times of live tickets that are not CLOSED, in an {@link OpenedIndex}, and the tickets
 * opened and closed per day in the desk's zone ({@link DailyVolume}). A ticket enters when it is created, leaves the
 * index when it is closed or deleted, and moves when its category is corrected.
 */
public class UnclosedIndex extends FactsReadModel {

    private final OpenedIndex index = new OpenedIndex(Category.values().length);
    private final DailyVolume volume = new DailyVolume();
    private final ZoneId zone;

    /** {@code incidents}: whether an incident and its linked tickets count once. */
    public UnclosedIndex(String zone, Incidents incidents) {
        super(incidents);
        this.zone = ZoneId.of(zone);
    }

    public UnclosedIndex(String zone) {
        this(zone, Incidents.EACH);
    }

    public UnclosedIndex() {
        this("UTC");
    }

    public ZoneId zone() {
        return zone;
    }

    /** Unclosed tickets opened at or after {@code from}, per category (indexed by ordinal). */
    public long[] openedSince(Instant from) {
        long fromMillis = from.toEpochMilli();
        return read(() -> index.countFrom(fromMillis));
    }

    /** The last {@code count} days up to {@code today} (in {@link #zone()}), oldest first. */
    public List<DailyVolume.Day> volume(LocalDate today, int count) {
        return read(() -> volume.days(today.minusDays(count - 1L), today));
    }

    @Override
    protected void added(TicketFacts ticket) {
        if (ticket.status() != TicketStatus.CLOSED) {
            index.add(ticket.openedAt().toEpochMilli(), ticket.id(), ticket.category().ordinal());
        }
        count(ticket, 1);
    }

    @Override
    protected void removed(TicketFacts ticket) {
        if (ticket.status() != TicketStatus.CLOSED) {
            index.remove(ticket.openedAt().toEpochMilli(), ticket.id());
        }
        count(ticket, -1);
    }

    @Override
    protected void cleared() {
        index.clear();
        volume.clear();
    }

    private void count(TicketFacts ticket, int sign) {
        volume.opened(LocalDate.ofInstant(ticket.openedAt(), zone), sign);
        if (ticket.status() == TicketStatus.CLOSED && ticket.closedAt() != null) {
            volume.closed(LocalDate.ofInstant(ticket.closedAt(), zone), sign);
        }
    }
}
