package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * How a CLOSED ticket ended, as its reporter is told: the one view of a closed ticket a student gets (they never read
 * the ticket itself once it is closed). {@code lastAnswer}: the last public message written by staff (never an
 * internal note, never the reporter's own words), or null when staff closed it without a word. {@code reporter}
 * says whose news it is (the gateway's live stream delivers it to that person only).
 */
@Serdeable
public record Closure(long ticketId, String title, String reporter, String closedBy, Instant closedAt,
                      @Nullable Answer lastAnswer) {

    /** A staff member's public message. */
    @Serdeable
    public record Answer(String author, String body, Instant at) {
    }
}
