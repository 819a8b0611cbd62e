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
 */
public abstract class FactsReadModel implements ChangeListener {

    private final FactsStore facts = new FactsStore();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean loading;

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
            if (previous != null) {
                removed(previous);
            }
            if (next == null) {
                facts.remove(id);
            } else {
                facts.put(next);
                added(next);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
