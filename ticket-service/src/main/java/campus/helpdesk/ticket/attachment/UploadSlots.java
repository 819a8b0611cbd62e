package campus.helpdesk.ticket.attachment;

import campus.helpdesk.support.problem.HelpdeskProblem;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many uploads may be arriving over HTTP at once (a mail's files are read from the mail already in hand, and take
 * no slot). Each holds a thread and up to {@link Attachments#MAX_BYTES} of
 * temporary disk ({@link Spool}) until its last byte, which may be minutes on a phone. One caller gets a few at a
 * time (the web page sends a message's files one after the other), so one person's stalled uploads cannot take the
 * slots everybody else's files need; the whole service gets {@link #IN_ALL}, so the temporary directory never holds
 * more than that many files' bytes (Kubernetes gives ticket-service's /tmp 256 MiB).
 */
@Singleton
public class UploadSlots {

    static final int PER_CALLER = 3;
    static final int IN_ALL = 16;
    private static final int RETRY_AFTER_SECONDS = 10;

    private final Map<Identity, Integer> byCaller = new HashMap<>();
    private int inAll;

    /** A slot for {@code who}'s upload, given back by closing it; 429 or 503 when none is free. */
    public synchronized Slot take(Identity who) {
        int theirs = byCaller.getOrDefault(who, 0);
        if (theirs >= PER_CALLER) {
            throw Problems.of(HttpStatus.TOO_MANY_REQUESTS, "You are already sending " + PER_CALLER
                    + " files; send this one once they have arrived").retryAfter(RETRY_AFTER_SECONDS);
        }
        if (inAll >= IN_ALL) {
            throw busy();
        }
        byCaller.put(who, theirs + 1);
        inAll++;
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                give(who);
            }
        };
    }

    private synchronized void give(Identity who) {
        byCaller.computeIfPresent(who, (caller, count) -> count > 1 ? count - 1 : null);
        inAll--;
    }

    private static HelpdeskProblem busy() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Many files are arriving at once; nothing was stored, "
                + "send this one again in a few seconds").retryAfter(RETRY_AFTER_SECONDS);
    }

    /** A taken slot; closing it more than once gives it back once. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
