package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * How a CLOSED ticket ended, as its reporter is told: the one view of a closed ticket a student gets (they never read
 * the ticket itself once it is closed). {@code lastAnswer}: the last public message written by staff (never an
 * internal note, never the reporter's own words), or null when staff closed it without a word. {@code title} and
 * {@code location} are what a "Still not fixed?" report starts from. {@code reporter}
 * says whose news it is; {@code followers}, the people who joined the ticket and are told like its reporter, is
 * filled only for the gateway, which delivers the news to those people's live streams and nobody else's (who else
 * joined a ticket is nobody's business, so a person reading a closure gets null).
 */
@Serdeable
public record Closure(long ticketId, String title, @Nullable String location, String reporter, String closedBy,
                      Instant closedAt, @Nullable Answer lastAnswer, @Nullable List<String> followers) {

    /** Whether {@code person} is told of this close: its reporter or one who joined it. */
    public boolean concerns(String person) {
        return reporter.equals(person) || followers != null && followers.contains(person);
    }

    /** A staff member's public message. */
    @Serdeable
    public record Answer(String author, String body, Instant at) {
    }
}
