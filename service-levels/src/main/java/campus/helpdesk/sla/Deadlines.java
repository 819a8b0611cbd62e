package campus.helpdesk.sla;

import java.time.Instant;

/**
 * A ticket's due times, and the instants from which each is at risk (a fifth of its working time left). Stored with
 * the ticket when it is filed or its priority changes, so a later change of the targets does not move them.
 */
public record Deadlines(Instant firstResponseDue, Instant firstResponseAtRisk, Instant resolutionDue,
                        Instant resolutionAtRisk) {
}
