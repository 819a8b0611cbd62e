package campus.helpdesk.gateway.live;

import campus.helpdesk.api.Closure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The data of one {@code solved} Server-Sent Event, sent to a ticket's reporter and followers when it is closed: which
 * ticket, who closed it, when, and the last public staff answer; nothing else of the closed ticket (not who else
 * joined it).
 */
@Serdeable
public record SolvedEvent(long ticketId, String title, String closedBy, Instant closedAt,
                          @Nullable Closure.Answer lastAnswer) {

    static SolvedEvent of(Closure closure) {
        return new SolvedEvent(closure.ticketId(), closure.title(), closure.closedBy(), closure.closedAt(),
                closure.lastAnswer());
    }
}
