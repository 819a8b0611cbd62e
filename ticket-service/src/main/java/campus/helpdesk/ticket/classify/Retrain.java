package campus.helpdesk.ticket.classify;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What a staff retrain did: accuracy on the held-back corrections of the model in use before and of the candidate
 * after (0..1), how many corrections judged and how many trained it, and whether the candidate is now in use.
 * {@code corrections} is the number of corrected tickets (each counts once, with its latest category), {@code trainedAt} when the model now in use was trained.
 */
@Serdeable
public record Retrain(double before, double after, int heldBack, int used, boolean applied, int corrections,
                      Instant trainedAt) {
}
