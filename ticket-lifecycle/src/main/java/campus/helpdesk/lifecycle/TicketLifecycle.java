package campus.helpdesk.lifecycle;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.classify.TicketClassifier;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's life, as pure functions: each step takes the ticket as it stands (and who acts, and when) and returns
 * the ticket after it with the event that records it. Whether the caller may take the step (role, version,
 * visibility) is checked before, by ticket-service; these functions only say what the step does. Every write of a
 * ticket row, ticket-service's SQL and demo-data's COPY alike, stores what they return, so the two cannot drift.
 *
 * <p>Every time a step records (updatedAt, closedAt, firstResponseAt, the event's {@code at}) is its {@code at}.
 */
public final class TicketLifecycle {

    private TicketLifecycle() {
    }

    /**
     * Filing: OPEN, version 1, due by the response targets of its priority from now. The category is the reporter's
     * own choice when the request names one (REPORTER, certain, never reviewed; the classifier's guess is not kept),
     * else the classifier's (AUTO, flagged for review when unsure). The reporter's priority wins; the classifier only
     * fills in a missing one (safety words → HIGH), else MEDIUM. {@code id}: the ticket's id if the writer knows it
     * already, 0 when the database assigns it.
     */
    public static Change open(long id, NewTicket request, Classification classification, Actor reporter,
                              Instant at, ServiceLevels levels) {
        Priority priority = request.priority() != null ? request.priority()
                : classification.suggestedPriority() != null ? classification.suggestedPriority() : Priority.MEDIUM;
        boolean chosen = request.category() != null;
        Category category = chosen ? request.category() : classification.category();
        CategorySource source = chosen ? CategorySource.REPORTER : CategorySource.AUTO;
        double confidence = chosen ? 1.0 : clamp(classification.confidence());
        Deadlines due = levels.deadlines(priority, at);
        Ticket ticket = new Ticket(id, request.title(), request.description(), TicketText.location(request.location()),
                priority, TicketStatus.OPEN, category, confidence, source, needsReview(source, confidence),
                reporter.name(), null, at, at, null, null, 1, due.firstResponseDue(), due.resolutionDue(), null,
                null, request.previousTicketId());
        List<FieldChange> changes = List.of(
                new FieldChange("category", null, ticket.category().name()),
                new FieldChange("priority", null, ticket.priority().name()));
        return new Change(ticket, new TicketEvent(EventType.CREATED, reporter, at, false, changes, ticket), due);
    }

    /**
     * An edit of the text, location, priority or (staff) category. A staff category is certain and ends any
     * review; a text classified {@code again} (see {@link TicketEdit#needsClassifying}) gets the new answer.
     * Changing nothing but the category is a CATEGORY_CORRECTED event, anything else EDITED. A new priority moves
     * the due times, recomputed from the opening time as if the ticket had had that priority from the start.
     */
    public static Change edit(Ticket current, TicketEdit edit, Classification again, Actor who, Instant at,
                              ServiceLevels levels) {
        if (edit.isEmpty()) {
            throw new IllegalArgumentException("An empty edit changes nothing and records nothing");
        }
        List<FieldChange> changes = new ArrayList<>(edit.changes());
        var category = current.category();
        double confidence = current.categoryConfidence();
        CategorySource source = current.categorySource();
        boolean review = current.needsReview();
        if (edit.categoryCorrected()) {
            category = edit.staffCategory();
            confidence = 1.0;
            source = CategorySource.STAFF;
            review = false;
        } else if (again != null) {
            if (again.category() != current.category()) {
                changes.add(new FieldChange("category", current.category().name(), again.category().name()));
            }
            category = again.category();
            confidence = clamp(again.confidence());
            source = CategorySource.AUTO;
            review = needsReview(source, confidence);
        }
        Deadlines due = edit.priority() != current.priority() ? levels.deadlines(edit.priority(), current.openedAt())
                : null;
        Ticket after = new Ticket(current.id(), edit.title(), edit.description(), edit.location(), edit.priority(),
                current.status(), category, confidence, source, review, current.reporterName(), current.assignee(),
                current.openedAt(), at, current.firstResponseAt(), current.closedAt(), current.version() + 1,
                due != null ? due.firstResponseDue() : current.firstResponseDueAt(),
                due != null ? due.resolutionDue() : current.resolutionDueAt(), null, null,
                current.previousTicketId(), current.incidentId(), null, null);
        boolean onlyCategory = changes.stream().allMatch(c -> c.field().startsWith("category"));
        EventType type = onlyCategory && edit.categoryCorrected() ? EventType.CATEGORY_CORRECTED : EventType.EDITED;
        return new Change(after, new TicketEvent(type, who, at, false, changes, after), due);
    }

    /** The one status a ticket may move to next (OPEN → ACTIVE → CLOSED), or null when it is CLOSED. */
    public static TicketStatus nextStatus(TicketStatus from) {
        return switch (from) {
            case OPEN -> TicketStatus.ACTIVE;
            case ACTIVE -> TicketStatus.CLOSED;
            case CLOSED -> null;
        };
    }

    /** A status move: taking a ticket (ACTIVE) makes the taker its assignee; closing it sets closedAt. */
    public static Change move(Ticket current, TicketStatus to, Actor who, Instant at) {
        if (to != nextStatus(current.status())) {
            throw new IllegalArgumentException("No move from " + current.status() + " to " + to);
        }
        boolean taking = to == TicketStatus.ACTIVE;
        boolean closing = to == TicketStatus.CLOSED;
        Ticket after = new Ticket(current.id(), current.title(), current.description(), current.location(),
                current.priority(), to, current.category(), current.categoryConfidence(), current.categorySource(),
                current.needsReview(), current.reporterName(), taking ? who.name() : current.assignee(),
                current.openedAt(), at, current.firstResponseAt(), closing ? at : current.closedAt(),
                current.version() + 1, current.firstResponseDueAt(), current.resolutionDueAt(), null, null,
                current.previousTicketId(), current.incidentId(), null, null);
        List<FieldChange> changes = new ArrayList<>(2);
        changes.add(new FieldChange("status", current.status().name(), to.name()));
        if (taking) {
            changes.add(new FieldChange("assignee", current.assignee(), after.assignee()));
        }
        if (closing) {
            changes.add(new FieldChange("closedAt", null, at.toString()));
        }
        return new Change(after, new TicketEvent(EventType.STATUS_CHANGED, who, at, false, changes, after));
    }

    /**
     * Staff hand an ACTIVE ticket to another staff member: the new assignee, a new version, and a HANDED_OVER event
     * that records who handed it to whom. Nothing else moves (the due times stay: the reporter waits as long).
     */
    public static Change handOver(Ticket current, String toAssignee, Actor who, Instant at) {
        if (current.status() != TicketStatus.ACTIVE) {
            throw new IllegalArgumentException("Only an ACTIVE ticket is handed over, not a " + current.status() + " one");
        }
        if (toAssignee.equals(current.assignee())) {
            throw new IllegalArgumentException("Ticket " + current.id() + " is " + toAssignee + "'s already");
        }
        Ticket after = new Ticket(current.id(), current.title(), current.description(), current.location(),
                current.priority(), current.status(), current.category(), current.categoryConfidence(),
                current.categorySource(), current.needsReview(), current.reporterName(), toAssignee,
                current.openedAt(), at, current.firstResponseAt(), current.closedAt(), current.version() + 1,
                current.firstResponseDueAt(), current.resolutionDueAt(), null, null,
                current.previousTicketId(), current.incidentId(), null, null);
        List<FieldChange> changes = List.of(new FieldChange("assignee", current.assignee(), toAssignee));
        return new Change(after, new TicketEvent(EventType.HANDED_OVER, who, at, false, changes, after));
    }

    /**
     * A message under the ticket. One the reporter can read changes the ticket (a new version and updatedAt), and
     * the first such message from staff is its first response. An internal note is staff's own business: the
     * ticket stays exactly as it was, so a student never even sees its version move.
     */
    public static Change message(Ticket current, long messageId, Actor author, boolean internal, Instant at) {
        List<FieldChange> changes = new ArrayList<>(2);
        changes.add(new FieldChange("message", null, String.valueOf(messageId)));
        if (internal) {
            return new Change(current, new TicketEvent(EventType.MESSAGE_ADDED, author, at, true, changes, current));
        }
        boolean firstResponse = current.firstResponseAt() == null && author.isStaff();
        Ticket after = new Ticket(current.id(), current.title(), current.description(), current.location(),
                current.priority(), current.status(), current.category(), current.categoryConfidence(),
                current.categorySource(), current.needsReview(), current.reporterName(), current.assignee(),
                current.openedAt(), at, firstResponse ? at : current.firstResponseAt(), current.closedAt(),
                current.version() + 1, current.firstResponseDueAt(), current.resolutionDueAt(), null, null,
                current.previousTicketId(), current.incidentId(), null, null);
        if (firstResponse) {
            changes.add(new FieldChange("firstResponseAt", null, at.toString()));
        }
        return new Change(after, new TicketEvent(EventType.MESSAGE_ADDED, author, at, false, changes, after));
    }

    /**
     * Deleting spam: the ticket vanishes from every read but keeps its history. The returned ticket is its last
     * state (version and updatedAt moved; the writer also marks the row deleted at {@code at}); the event carries no
     * facts, which tells the feed's consumers to drop it.
     */
    public static Change delete(Ticket current, Actor who, Instant at) {
        Ticket after = new Ticket(current.id(), current.title(), current.description(), current.location(),
                current.priority(), current.status(), current.category(), current.categoryConfidence(),
                current.categorySource(), current.needsReview(), current.reporterName(), current.assignee(),
                current.openedAt(), at, current.firstResponseAt(), current.closedAt(), current.version() + 1,
                current.firstResponseDueAt(), current.resolutionDueAt(), null, null,
                current.previousTicketId(), current.incidentId(), null, null);
        List<FieldChange> changes = List.of(new FieldChange("deleted", null, "true"));
        return new Change(after, new TicketEvent(EventType.DELETED, who, at, false, changes, null));
    }

    /**
     * Whether a ticket waits for a person to check its category: only while the classifier chose it, and then by the
     * classifier's own review rule (one threshold, in {@link TicketClassifier}).
     */
    public static boolean needsReview(CategorySource source, double confidence) {
        return source == CategorySource.AUTO && TicketClassifier.needsReview(confidence);
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }
}
