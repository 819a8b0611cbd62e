package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.caller.Caller;
import campus.helpdesk.support.limit.Places;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How many live streams may be open: each holds heap (about 17 KB with its buffer) and a socket whose unsent bytes
 * the kernel keeps. Unlimited, one signed-in student opened streams until the gateway ran out of heap at about
 * 6,600, and the browsers' reconnects after each restart took it down again. A session (or API token) gets
 * {@code helpdesk.live.max-per-caller} (a browser's tabs hold one each), the gateway {@code helpdesk.live.max}.
 */
@Singleton
public class LiveStreams {

    private final Places places;

    public LiveStreams(@Value("${helpdesk.live.max:3000}") int max,
                       @Value("${helpdesk.live.max-per-caller:12}") int maxPerCaller) {
        this.places = new Places(max, maxPerCaller);
    }

    /** A place for one more of {@code caller}'s streams; {@link Places.Full} when there is none. */
    public Places.Place take(Caller caller) {
        return places.take(caller.sessionId() != null ? "session " + caller.sessionId() : "token " + caller.tokenName());
    }

    public int open() {
        return places.taken();
    }

    public int maxPerCaller() {
        return places.perKey();
    }
}
