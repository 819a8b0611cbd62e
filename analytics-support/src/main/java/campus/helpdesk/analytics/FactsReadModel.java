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

    /**
     * The facts, their incident links and the lock, held once for every model that counts the same tickets
     * ({@link #shareFacts}): at a million tickets the facts are ~44 MB, which a second way of counting need not
     * hold again. A change is applied to the facts once and counted by each model sharing them.
     */
    private static final class Shared {
        final FactsStore facts = new FactsStore();
        final IncidentLinks links = new IncidentLinks();
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final java.util.List<FactsReadModel> models = new java.util.ArrayList<>();
        boolean loading;
    }

    private Shared shared = new Shared();
    private final Incidents incidents;

    /** A model counting every ticket on its own. */
    protected FactsReadModel() {
        this(Incidents.EACH);
    }

    protected FactsReadModel(Incidents incidents) {
        this.incidents = incidents;
        shared.models.add(this);
    }

    /**
     * From now on this model counts the facts {@code owner} holds instead of holding its own: a change given to
     * either is applied once and counted by both (so give each change to one of them only). Both must still be
     * empty, before their first {@link #reset}.
     */
    final void shareFacts(FactsReadModel owner) {
        if (shared.facts.size() != 0 || owner.shared.facts.size() != 0 || shared.models.size() != 1) {
            throw new IllegalStateException("Facts are shared before anything is loaded, once");
        }
        shared = owner.shared;
        shared.models.add(this);
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
            shared.links.all().forEach((id, linked) -> {
                TicketFacts incident = shared.facts.get(id);
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
        return shared.loading;
    }

    @Override
    public final void reset() {
        shared.lock.writeLock().lock();
        try {
            shared.facts.clear();
            shared.links.clear();
            shared.models.forEach(FactsReadModel::cleared);
            shared.loading = true;
        } finally {
            shared.lock.writeLock().unlock();
        }
    }

    @Override
    public final void load(TicketFacts ticket) {
        replace(ticket.id(), ticket);
    }

    @Override
    public final void loaded() {
        shared.lock.writeLock().lock();
        try {
            for (FactsReadModel model : shared.models) {
                if (model.incidents == Incidents.COLLAPSE) {
                    shared.facts.forEach(ticket -> {
                        if (model.counts(ticket)) {
                            model.added(ticket);
                        }
                    });
                }
            }
            shared.loading = false;
            shared.models.forEach(FactsReadModel::bulkLoaded);
        } finally {
            shared.lock.writeLock().unlock();
        }
    }

    @Override
    public final void apply(ChangeEvent event) {
        replace(event.ticketId(), event.ticket());
    }

    /** The number of live tickets the model holds. */
    public int tickets() {
        return read(shared.facts::size);
    }

    protected final <T> T read(Supplier<T> query) {
        shared.lock.readLock().lock();
        try {
            return query.get();
        } finally {
            shared.lock.readLock().unlock();
        }
    }

    private void replace(long id, TicketFacts next) {
        shared.lock.writeLock().lock();
        try {
            TicketFacts previous = shared.facts.get(id);
            if (next != null && previous != null && next.version() < previous.version()) {
                return;
            }
            for (FactsReadModel model : shared.models) {
                model.countOut(id, previous, next);
            }
            if (previous != null) {
                shared.links.unlink(previous);
            }
            if (next == null) {
                shared.facts.remove(id);
            } else {
                shared.facts.put(next);
                shared.links.link(next);
            }
            for (FactsReadModel model : shared.models) {
                model.countIn(id, previous, next);
            }
        } finally {
            shared.lock.writeLock().unlock();
        }
    }

    /** This model's part of a change before the facts change: what stops counting. */
    private void countOut(long id, TicketFacts previous, TicketFacts next) {
        // A collapsing model adds nothing while loading: loaded() adds what counts once every incident is known.
        boolean counting = incidents == Incidents.EACH || !shared.loading;
        if (previous != null && counting && counts(previous)) {
            removed(previous);
        }
        if (previous == null && next != null && counting) {
            regroup(id, false);
        }
    }

    /** This model's part of a change once the facts changed: what starts counting. */
    private void countIn(long id, TicketFacts previous, TicketFacts next) {
        boolean counting = incidents == Incidents.EACH || !shared.loading;
        if (previous != null && next == null && counting) {
            regroup(id, true);
        }
        if (next != null && counting && counts(next)) {
            added(next);
        }
    }

    /** Whether a held ticket counts: always, unless collapsing and its incident is held too. */
    private boolean counts(TicketFacts ticket) {
        Long incident = IncidentLinks.incidentOf(ticket);
        return incidents == Incidents.EACH || incident == null || !shared.facts.contains(incident);
    }

    /**
     * Ticket {@code incident} appears (its linked tickets stop counting on their own) or is deleted (they count on
     * their own again); called while the incident is not held, when they count.
     */
    private void regroup(long incident, boolean add) {
        if (incidents == Incidents.EACH) {
            return;
        }
        for (long id : shared.links.linkedTo(incident)) {
            TicketFacts linked = shared.facts.get(id);
            if (add) {
                added(linked);
            } else {
                removed(linked);
            }
        }
    }
}
