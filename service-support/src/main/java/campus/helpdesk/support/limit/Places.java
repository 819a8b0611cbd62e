package campus.helpdesk.support.limit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded number of places for something that holds resources while it lasts (an upload arriving, a live
 * stream open): at most {@code perKey} for one holder (a caller) and {@code total} in all, so that one holder's
 * stalled or hoarded places cannot take what everybody else needs. Thread-safe.
 */
public final class Places {

    private final int total;
    private final int perKey;
    private final Map<String, Integer> byKey = new HashMap<>();
    private int taken;

    public Places(int total, int perKey) {
        this.total = total;
        this.perKey = perKey;
    }

    /** A taken place, given back by {@link #release()}: once, however often it is called. */
    public interface Place extends AutoCloseable {
        void release();

        @Override
        default void close() {
            release();
        }
    }

    /** No place: {@link #holdersOwn()} when {@code key} holds all of its own, else all places in all are taken. */
    public static final class Full extends RuntimeException {
        private final boolean holdersOwn;

        Full(boolean holdersOwn) {
            super(null, null, false, false);
            this.holdersOwn = holdersOwn;
        }

        public boolean holdersOwn() {
            return holdersOwn;
        }
    }

    /** A place for {@code key}; {@link Full} when there is none. */
    public synchronized Place take(String key) {
        int held = byKey.getOrDefault(key, 0);
        if (held >= perKey) {
            throw new Full(true);
        }
        if (taken >= total) {
            throw new Full(false);
        }
        byKey.put(key, held + 1);
        taken++;
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                give(key);
            }
        };
    }

    private synchronized void give(String key) {
        byKey.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
        taken--;
    }

    /** The places {@code key} holds now. */
    public synchronized int heldBy(String key) {
        return byKey.getOrDefault(key, 0);
    }

    /** The places taken now. */
    public synchronized int taken() {
        return taken;
    }

    public int perKey() {
        return perKey;
    }
}
