package campus.helpdesk.analytics;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.feed.ChangeListener;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A read model fed with ticket facts: it keeps the facts it last saw per ticket and turns every change into
 * "take the old facts out, put the new ones in" ({@link #added}/{@link #removed}), ignoring facts older than those
 * it holds. Deleted tickets are taken out. One writer (the feed thread) and many readers: queries run under the
 * read lock through {@link #read}, so an answer never sees half an event.
 * <p>
 * A model built with {@link Incidents#COLLAPSE} counts an outage once: a ticket linked to an incident the model
 * holds is kept but never {@link #added}; when the incident appears its linked tickets are taken out, when it is
 * deleted they count on their own again. Such a model adds nothing while the snapshot streams in (an incident may
 * come after its linked tickets) and adds what counts once it is loaded, before {@link #bulkLoaded}.
 */
public abstract class FactsReadModel implements ChangeListener {

    private final FactsStore facts = new FactsStore();
    private final IncidentLinks links = new IncidentLinks();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Incidents incidents;
    private boolean loading;

    /** A model counting every ticket on its own. */
    protected FactsReadModel() {
        this(Incidents.EACH);
    }

    protected FactsReadModel(Incidents incidents) {
        this.incidents = incidents;
    }

    /** How this model counts the tickets linked to an incident. */
    public final Incidents incidents() {
        return incidents;
    }

    /** An incident held by the model with the number of live tickets linked to it. */
    public record IncidentSize(TicketFacts incident, int linked) {
    }

    /** Every incident (a ticket with linked tickets) the model holds and its size, unordered. */
    public java.util.List<IncidentSize> incidentSizes() {
        return read(() -> {
            java.util.List<IncidentSize> sizes = new java.util.ArrayList<>();
            links.all().forEach((id, linked) -> {
                TicketFacts incident = facts.get(id);
                if (incident != null) {
                    sizes.add(new IncidentSize(incident, linked.size()));
                }
            });
            return sizes;
        });
    }

    /** A ticket's facts start to count. */
    protected abstract void added(TicketFacts ticket);

    /** A ticket's facts stop counting (replaced by newer ones, or the ticket was deleted). */
    protected abstract void removed(TicketFacts ticket);

    /** Forget every contribution. */
    protected abstract void cleared();

    /** The snapshot is loaded: a model that deferred work while {@link #loading()} does it now. */
    protected void bulkLoaded() {
    }

    /** True while the snapshot streams in (no reader relies on the model yet). */
    protected final boolean loading() {
        return loading;
    }

    @Override
    public final void reset() {
        lock.writeLock().lock();
        try {
            facts.clear();
            links.clear();
            cleared();
            loading = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public final void load(TicketFacts ticket) {
        replace(ticket.id(), ticket);
    }

    @Override
    public final void loaded() {
        lock.writeLock().lock();
        try {
            if (incidents == Incidents.COLLAPSE) {
                facts.forEach(ticket -> {
                    if (counts(ticket)) {
                        added(ticket);
                    }
                });
            }
            loading = false;
            bulkLoaded();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public final void apply(ChangeEvent event) {
        replace(event.ticketId(), event.ticket());
    }

    /** The number of live tickets the model holds. */
    public int tickets() {
        return read(facts::size);
    }

    protected final <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void replace(long id, TicketFacts next) {
        lock.writeLock().lock();
        try {
            TicketFacts previous = facts.get(id);
            if (next != null && previous != null && next.version() < previous.version()) {
                return;
            }
            // A collapsing model adds nothing while loading: loaded() adds what counts once every incident is known.
            boolean counting = incidents == Incidents.EACH || !loading;
            if (previous != null && counting && counts(previous)) {
                removed(previous);
            }
            if (previous == null && next != null && counting) {
                regroup(id, false);
            }
            if (previous != null) {
                links.unlink(previous);
            }
            if (next == null) {
                facts.remove(id);
            } else {
                facts.put(next);
                links.link(next);
            }
            if (previous != null && next == null && counting) {
                regroup(id, true);
            }
            if (next != null && counting && counts(next)) {
                added(next);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether a held ticket counts: always, unless collapsing and its incident is held too. */
    private boolean counts(TicketFacts ticket) {
        Long incident = IncidentLinks.incidentOf(ticket);
        return incidents == Incidents.EACH || incident == null || !facts.contains(incident);
    }

    /**
     * Ticket {@code incident} appears (its linked tickets stop counting on their own) or is deleted (they count on
     * their own again); called while the incident is not held, when they count.
     */
    private void regroup(long incident, boolean add) {
        if (incidents == Incidents.EACH) {
            return;
        }
        for (long id : links.linkedTo(incident)) {
            TicketFacts linked = facts.get(id);
            if (add) {
                added(linked);
            } else {
                removed(linked);
            }
        }
    }
}
