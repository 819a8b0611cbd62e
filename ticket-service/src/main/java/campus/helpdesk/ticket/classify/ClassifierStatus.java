package campus.helpdesk.ticket.classify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The classifier as staff see it: how many tickets staff corrected (one corrected again counts once), which model is
 * in use (the shipped one, or one retrained with {@code modelCorrections} of them at {@code trainedAt}) and its
 * accuracy on the held-back corrections ({@code null} while fewer than {@code correctionsNeeded} tickets are
 * corrected).
 */
@Serdeable
public record ClassifierStatus(long corrections, boolean shipped, int modelCorrections, Instant trainedAt,
                               int heldBack, @Nullable Double accuracy, int correctionsNeeded) {
}
