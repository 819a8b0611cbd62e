package campus.helpdesk.lifecycle;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mass incidents, as pure functions like {@link TicketLifecycle}: one outage reported by many becomes an incident (a
 * parent ticket) with linked tickets and followers. Whether a caller may take a step (staff only, both open, one
 * level) is checked before, by ticket-service; these say what each step does to a ticket and the event it records.
 *
 * <p>Linking is a change of the linked ticket (its {@code incidentId}, so a new version); the incident itself does not
 * change, its counts are read, not stored. Joining as a follower changes no field of the ticket: like an internal
 * note it keeps the version, so a reporter editing at the same time never gets a 409 because someone joined.
 */
public final class Incidents {

    /** The field of the history that says where a linked ticket's answer or close came from. */
    public static final String FROM_INCIDENT = "incident";

    private Incidents() {
    }

    /** Only OPEN and ACTIVE tickets are linked, unlinked, joined, answered or closed along with an incident. */
    public static boolean isOpen(Ticket ticket) {
        return ticket.status() != TicketStatus.CLOSED;
    }

    /** Whether a message on an incident reaches its linked tickets: public staff answers do, notes and students' do not. */
    public static boolean answersLinked(Actor author, boolean internal) {
        return author.isStaff() && !internal;
    }

    /** Whether a status move of an incident closes its linked tickets: closing does, taking it does not. */
    public static boolean closesLinked(TicketStatus to) {
        return to == TicketStatus.CLOSED;
    }

    /** {@code person} joins the ticket: a FOLLOWED event naming them; the ticket stays exactly as it was. */
    public static Change follow(Ticket current, Actor person, Instant at) {
        List<FieldChange> changes = List.of(new FieldChange("follower", null, person.name()));
        return new Change(current, new TicketEvent(EventType.FOLLOWED, person, at, false, changes, current));
    }

    /** The ticket is linked to {@code incidentId}: a new version and a LINKED event with the incident in its changes. */
    public static Change link(Ticket current, long incidentId, Actor who, Instant at) {
        if (current.incidentId() != null) {
            throw new IllegalArgumentException("Ticket " + current.id() + " is linked to #" + current.incidentId());
        }
        Ticket after = withIncident(current, current.status(), current.closedAt(), incidentId, at);
        List<FieldChange> changes = List.of(new FieldChange("incidentId", null, String.valueOf(incidentId)));
        return new Change(after, new TicketEvent(EventType.LINKED, who, at, false, changes, after));
    }

    /** The ticket leaves its incident: a new version and an UNLINKED event naming the incident it left. */
    public static Change unlink(Ticket current, Actor who, Instant at) {
        if (current.incidentId() == null) {
            throw new IllegalArgumentException("Ticket " + current.id() + " is linked to no incident");
        }
        Ticket after = withIncident(current, current.status(), current.closedAt(), null, at);
        List<FieldChange> changes = List.of(new FieldChange("incidentId", current.incidentId().toString(), null));
        return new Change(after, new TicketEvent(EventType.UNLINKED, who, at, false, changes, after));
    }

    /**
     * The incident's public answer, copied under a linked ticket as message {@code messageId}: what
     * {@link TicketLifecycle#message} does (a new version; the first staff answer is the ticket's first response),
     * and the history says it came from the incident.
     */
    public static Change answer(Ticket linked, long messageId, long incidentId, Actor author, Instant at) {
        return fromIncident(TicketLifecycle.message(linked, messageId, author, false, at), incidentId);
    }

    /**
     * A linked ticket closed with its incident, in the steps a ticket of its own takes: an OPEN one is taken first, by
     * whoever closes the incident, then closed; an ACTIVE one keeps its assignee and is closed. So every CLOSED ticket
     * names the staff member who took it, its history moves only OPEN → ACTIVE → CLOSED (each step naming the
     * incident), and the closer's workload counts it. Resolution time is its own, from its opening to this close.
     */
    public static List<Change> closeWith(Ticket linked, long incidentId, Actor who, Instant at) {
        if (!isOpen(linked)) {
            throw new IllegalArgumentException("Ticket " + linked.id() + " is closed already");
        }
        List<Change> steps = new ArrayList<>(2);
        Ticket current = linked;
        if (current.status() == TicketStatus.OPEN) {
            Change taken = fromIncident(TicketLifecycle.move(current, TicketStatus.ACTIVE, who, at), incidentId);
            steps.add(taken);
            current = taken.ticket();
        }
        steps.add(fromIncident(TicketLifecycle.move(current, TicketStatus.CLOSED, who, at), incidentId));
        return steps;
    }

    /** {@code change} with its history saying the incident brought it. */
    private static Change fromIncident(Change change, long incidentId) {
        TicketEvent event = change.event();
        List<FieldChange> changes = new ArrayList<>(event.changes());
        changes.add(new FieldChange(FROM_INCIDENT, null, String.valueOf(incidentId)));
        return new Change(change.ticket(), new TicketEvent(event.type(), event.actor(), event.at(), event.internal(),
                changes, event.facts()));
    }

    private static Ticket withIncident(Ticket t, TicketStatus status, Instant closedAt, Long incidentId, Instant at) {
        return new Ticket(t.id(), t.title(), t.description(), t.location(), t.priority(), status, t.category(),
                t.categoryConfidence(), t.categorySource(), t.needsReview(), t.reporterName(), t.assignee(),
                t.openedAt(), at, t.firstResponseAt(), closedAt, t.version() + 1, t.firstResponseDueAt(),
                t.resolutionDueAt(), null, null, t.previousTicketId(), incidentId, null, null);
    }
}
