package campus.helpdesk.demo;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Role;
import campus.helpdesk.lifecycle.TicketLifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One generated ticket's script: what the reporter filed, what the classifier answered, and the steps staff and the
 * reporter took until "now", in time order (a step planned after now has not happened, nor has anything after it).
 * A script, not rows: the rows come from playing it through the ticket lifecycle ({@link TicketScript}), which is
 * what ticket-service does with the same requests, so the same story gives the same ticket either way.
 */
public record Story(long index, NewTicket filing, Category guessedCategory, double confidence, String reporter,
                    Instant openedAt, List<Step> steps) {

    /** At most this many messages per ticket: the first reply, four in the conversation, the closing one. */
    public static final int MAX_MESSAGES = 6;

    public Story {
        steps = List.copyOf(steps);
        if (steps.stream().filter(s -> s instanceof Post).count() > MAX_MESSAGES) {
            throw new IllegalArgumentException("More than " + MAX_MESSAGES + " messages: " + steps);
        }
    }

    /** The classifier's answer this story assumes for its text (no priority suggestion: demo texts name none). */
    public Classification classification() {
        return new Classification(guessedCategory, confidence, Map.of(guessedCategory, confidence),
                TicketLifecycle.needsReview(CategorySource.AUTO, confidence), null);
    }

    /** Something that happened to the ticket after it was filed. */
    public sealed interface Step {
        Instant at();
    }

    /** Staff take the ticket (OPEN → ACTIVE). */
    public record Take(Instant at, String staff) implements Step {
    }

    /** Staff hand the ACTIVE ticket over to a colleague, who answers and closes it from then on. */
    public record HandOver(Instant at, String staff, String to) implements Step {
    }

    /** Staff put a misfiled ticket in its right category. */
    public record CorrectCategory(Instant at, String staff, Category category) implements Step {
    }

    /** A message under the ticket: the reporter's, a staff reply, or a staff-only internal note. */
    public record Post(Instant at, String author, Role role, String body, boolean internal) implements Step {
    }

    /** Staff close the ticket (ACTIVE → CLOSED). */
    public record Close(Instant at, String staff) implements Step {
    }
}
