package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * Staff's view of a ticket's mail: the reporter's address and each notification, oldest first. {@code failed}:
 * how many were given up (a 5xx refusal, or every attempt failed), so the ticket page can say the reporter was not
 * reached.
 */
@Serdeable
public record TicketNotifications(long ticketId, @Nullable String email, int failed, List<Mail> mails) {

    /** {@code status}: PENDING (to be sent or retried), SENT or FAILED; {@code lastError}: the last try's. */
    @Serdeable
    public record Mail(String kind, String recipient, String status, int attempts, @Nullable String lastError,
                       Instant createdAt, @Nullable Instant sentAt) {
    }
}
