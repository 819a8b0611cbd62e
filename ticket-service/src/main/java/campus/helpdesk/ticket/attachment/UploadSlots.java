package campus.helpdesk.ticket.attachment;

import campus.helpdesk.support.limit.Places;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * How many uploads may be arriving over HTTP at once (a mail's files are read from the mail already in hand, and take
 * no slot). Each holds a thread and up to {@link Attachments#MAX_BYTES} of temporary disk ({@link Spool}) until its
 * last byte, which may be minutes on a phone. One caller gets a few at a time (the web page sends a message's files
 * one after the other), so one person's stalled uploads cannot take the slots everybody else's files need; the whole
 * service gets {@link #IN_ALL}, so the temporary directory never holds more than that many files' bytes (Kubernetes
 * gives ticket-service's /tmp 256 MiB).
 */
@Singleton
public class UploadSlots {

    static final int PER_CALLER = 3;
    static final int IN_ALL = 16;
    private static final int RETRY_AFTER_SECONDS = 10;

    private final Places places = new Places(IN_ALL, PER_CALLER);

    /** A slot for {@code who}'s upload, given back by closing it; 429 or 503 when none is free. */
    public Places.Place take(Identity who) {
        try {
            return places.take(who.role() + " " + who.user());
        } catch (Places.Full full) {
            throw full.holdersOwn()
                    ? Problems.of(HttpStatus.TOO_MANY_REQUESTS, "You are already sending " + PER_CALLER
                            + " files; send this one once they have arrived").retryAfter(RETRY_AFTER_SECONDS)
                    : Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Many files are arriving at once; nothing was "
                            + "stored, send this one again in a few seconds").retryAfter(RETRY_AFTER_SECONDS);
        }
    }
}
