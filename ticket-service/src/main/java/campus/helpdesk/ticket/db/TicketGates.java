package campus.helpdesk.ticket.db;

import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets at most {@link #WRITERS_PER_TICKET} of this service's requests at a time take a pooled connection to change
 * one ticket; the others wait here, in order, holding nothing. Writers of one ticket take turns on PostgreSQL's lock
 * anyway ({@link TicketSql#lock}), and each waited there with a connection in hand: a hundred students answering one
 * outage's ticket at once held all sixteen, and every other ticket's requests got 503s. Two, so that the next writer
 * is already at the lock when the one before commits.
 */
final class TicketGates {

    static final int WRITERS_PER_TICKET = 2;

    private final ConcurrentHashMap<Long, Gate> gates = new ConcurrentHashMap<>();
    private final long waitMillis;

    TicketGates(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /** One ticket's turns, and how many requests are at them (the gate goes when the last one leaves). */
    private static final class Gate {
        final Semaphore turns = new Semaphore(WRITERS_PER_TICKET, true);
        int users; // changed only inside the map's compute, which locks the key
    }

    /**
     * Runs {@code work} once it is this request's turn on {@code ticketId}; past the wait, fails as a lock wait
     * that PostgreSQL ended would (SQLSTATE 55P03: a 503 to try again, nothing changed).
     */
    <T> T through(long ticketId, Supplier<T> work) {
        Gate gate = gates.compute(ticketId, (id, g) -> {
            Gate at = g == null ? new Gate() : g;
            at.users++;
            return at;
        });
        try {
            if (!gate.turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw busy(ticketId);
            }
            try {
                return work.get();
            } finally {
                gate.turns.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(ticketId);
        } finally {
            gates.compute(ticketId, (id, g) -> --g.users == 0 ? null : g);
        }
    }

    /** How many tickets have requests at their gate (none once every request has left). */
    int tickets() {
        return gates.size();
    }

    private static Database.DatabaseException busy(long ticketId) {
        return new Database.DatabaseException(new SQLException("ticket " + ticketId + " is being changed by other "
                + "requests of this service", LOCK_NOT_AVAILABLE));
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";
}
