package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.caller.Caller;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many live streams may be open: each holds heap (about 17 KB with its buffer) and a socket whose unsent bytes
 * the kernel keeps. Unlimited, one signed-in student opened streams until the gateway ran out of heap at about
 * 6,600, and the browsers' reconnects after each restart took it down again. A session (or API token) gets
 * {@code helpdesk.live.max-per-caller} (a browser's tabs each hold one), the gateway {@code helpdesk.live.max}.
 */
@Singleton
public class LiveStreams {

    private final int max;
    private final int maxPerCaller;
    private final Map<String, Integer> byCaller = new HashMap<>();
    private int open;

    public LiveStreams(@Value("${helpdesk.live.max:3000}") int max,
                       @Value("${helpdesk.live.max-per-caller:12}") int maxPerCaller) {
        this.max = max;
        this.maxPerCaller = maxPerCaller;
    }

    /** A stream's place, given back by {@link Place#release()} (once, however often it is called). */
    public interface Place {
        void release();
    }

    /** No place: {@code callersOwn} when the caller has all theirs open, else the gateway has all it takes. */
    public static final class Refused extends RuntimeException {
        private final boolean callersOwn;

        Refused(boolean callersOwn) {
            super(null, null, false, false);
            this.callersOwn = callersOwn;
        }

        public boolean callersOwn() {
            return callersOwn;
        }
    }

    /** A place for one more of {@code caller}'s streams; {@link Refused} when there is none. */
    public synchronized Place take(Caller caller) {
        String key = caller.sessionId() != null ? "session " + caller.sessionId() : "token " + caller.tokenName();
        int theirs = byCaller.getOrDefault(key, 0);
        if (theirs >= maxPerCaller) {
            throw new Refused(true);
        }
        if (open >= max) {
            throw new Refused(false);
        }
        byCaller.put(key, theirs + 1);
        open++;
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                give(key);
            }
        };
    }

    public int maxPerCaller() {
        return maxPerCaller;
    }

    private synchronized void give(String key) {
        byCaller.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
        open--;
    }

    public synchronized int open() {
        return open;
    }
}
