package campus.helpdesk.feed;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.TicketFacts;

/**
 * A bean that follows ticket-service's change feed. {@link FeedConsumer} calls it from one thread only, in this
 * order: {@link #reset()}, {@link #load} for each ticket of the snapshot, {@link #loaded()}, then {@link #apply}
 * for every event after the snapshot's cursor. With {@code helpdesk.feed.bootstrap: tail} there is no snapshot:
 * only events committed after the start are applied.
 */
public interface ChangeListener {

    /** Forget everything: a (re-)bootstrap follows. */
    default void reset() {
    }

    /** One ticket's current facts from the snapshot. */
    default void load(TicketFacts facts) {
    }

    /** The snapshot is fully loaded; events follow. */
    default void loaded() {
    }

    /** One committed change, in commit order. */
    void apply(ChangeEvent event);
}
