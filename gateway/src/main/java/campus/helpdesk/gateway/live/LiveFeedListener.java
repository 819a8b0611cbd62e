package campus.helpdesk.gateway.live;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.Closure;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.client.ClosureClient;
import campus.helpdesk.feed.ChangeListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * Plugs the hub into analytics-support's feed consumer, which the gateway runs in {@code tail} mode: browsers
 * need the changes from now on, not the facts of every past ticket.
 *
 * <p>A move to CLOSED is also news for the ticket's reporter and followers, whom the feed does not name (its facts
 * are what the analytics need, nothing personal): the gateway asks ticket-service once, as itself, how the ticket
 * ended and whom it concerns, and the hub hands that to those people's streams. Off the feed's thread, so one slow answer delays no other change.
 */
@Singleton
public class LiveFeedListener implements ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeedListener.class);

    private final LiveHub hub;
    private final ClosureClient closures;
    private final ExecutorService blocking;

    public LiveFeedListener(LiveHub hub, ClosureClient closures,
                            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.hub = hub;
        this.closures = closures;
        this.blocking = blocking;
    }

    @Override
    public void apply(ChangeEvent event) {
        hub.publish(event);
        // A bulk close with no browser open asks ticket-service nothing.
        if (closes(event) && hub.hasListeners()) {
            blocking.execute(() -> tellReporter(event.ticketId()));
        }
    }

    static boolean closes(ChangeEvent event) {
        return event.type() == EventType.STATUS_CHANGED && event.ticket() != null
                && event.ticket().status() == TicketStatus.CLOSED;
    }

    private void tellReporter(long ticketId) {
        try {
            Closure closure = closures.closure(ticketId);
            // The client reads a 404 as null: the ticket was deleted since its close, so there is no one to tell.
            if (closure != null) {
                hub.publishSolved(closure);
            }
        } catch (RuntimeException e) {
            // Their list of solved tickets still says it the next time they look (GET /api/tickets/solved).
            LOG.warn("Could not tell the people of ticket {} that it was closed: {}", ticketId, e.toString());
        }
    }
}
