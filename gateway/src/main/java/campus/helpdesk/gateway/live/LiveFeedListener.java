package campus.helpdesk.gateway.live;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.feed.ChangeListener;
import jakarta.inject.Singleton;

/**
 * Plugs the hub into analytics-support's feed consumer, which the gateway runs in {@code tail} mode: browsers
 * need the changes from now on, not the facts of every past ticket.
 */
@Singleton
public class LiveFeedListener implements ChangeListener {

    private final LiveHub hub;

    public LiveFeedListener(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public void apply(ChangeEvent event) {
        hub.publish(event);
    }
}
