package campus.helpdesk.lifecycle;

import java.time.Duration;

/**
 * The change feed's order, for everything that gives events their positions: ticket-service's sequencer, which
 * stamps events after their transaction committed, and a bulk load, which writes its events with their positions
 * already in them. Both take {@link #LOCK} in their transaction and continue from {@link #LAST}, read after it: the
 * positions handed out while the lock is held are greater than any a reader can have seen, and readers following
 * "position > cursor" never skip one.
 *
 * <p>A bulk load that left its events for the sequencer would have them rewritten row by row after the load, with
 * every index of the event table, for minutes after a million tickets; that is why it stamps them itself.
 */
public final class FeedPositions {

    /** The two-key form of an advisory lock: a key space of its own, apart from the tickets' one-key locks. */
    public static final String LOCK = "SELECT pg_advisory_xact_lock(20261201, 1)";
    /** The greatest position given so far; read in a statement after {@link #LOCK}, so it sees every stamp before. */
    public static final String LAST = "SELECT coalesce(max(position), 0) FROM ticket_event";
    /**
     * The longest anyone but the sequencer may hold {@link #LOCK}: a bulk load's batch sets its statement and idle
     * timeouts to this once it holds it, as its events' COPY takes a second or so.
     */
    public static final Duration LONGEST_HOLD = Duration.ofSeconds(60);
    /**
     * Where the feed's readers in every replica listen for "new positions". A NOTIFY on it is sent after the commit
     * that gave them, never inside it: PostgreSQL serialises the commits of notifying transactions.
     */
    public static final String CHANNEL = "ticket_events";

    private FeedPositions() {
    }
}
