package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.Classification;
import campus.helpdesk.api.Handover;
import campus.helpdesk.api.StatusChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.lifecycle.TicketEdit;
import campus.helpdesk.lifecycle.TicketEvent;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.lifecycle.TicketText;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;
import campus.helpdesk.ticket.classify.Corrections;
import campus.helpdesk.ticket.classify.CurrentClassifier;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.LinkedTickets;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.mail.MailKind;
import campus.helpdesk.ticket.mail.Notifications;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes to an existing ticket. Each is one transaction that first locks the ticket (see
 * {@link TicketSql#lock}), re-reads it, checks {@link TicketRules}, lets {@link TicketLifecycle} compute the ticket
 * after the change and its event, stores the one guarded by its version and appends the other. Both writes are SQL
 * written by hand on the transaction's connection, right after the lock: each change names only the columns it may
 * touch for {@link TicketSql#update} (which says why that is not a repository's update), and
 * {@link EventLog#append} writes the event.
 */
@Singleton
public class TicketChanges {

    private final Database db;
    private final EventLog events;
    private final CurrentClassifier classifier;
    private final Corrections corrections;
    private final ChangeClock clock;
    private final ServiceLevels levels;
    private final Notifications notifications;

    public TicketChanges(Database db, EventLog events, CurrentClassifier classifier, Corrections corrections,
                         ChangeClock clock, ServiceLevels levels, Notifications notifications) {
        this.notifications = notifications;
        this.db = db;
        this.events = events;
        this.classifier = classifier;
        this.corrections = corrections;
        this.clock = clock;
        this.levels = levels;
    }

    public Ticket patch(Identity who, long id, TicketPatch patch, @Nullable String ifMatch) {
        TicketRules.requireSomethingToChange(id, patch);
        if (patch.category() != null) {
            who.requireStaff("correct a ticket's category");
        }
        Long sent = IfMatch.version(ifMatch, patch.version());
        // Read and classify outside the transaction (the classifier must not hold a lock); the version check inside
        // guarantees the text classified here is the text being changed.
        Ticket before = db.autoCommit(c -> TicketSql.loadLive(c, id, who));
        checkEditable(before, who, sent);
        TicketEdit edit = TicketEdit.of(before, patch);
        if (edit.isEmpty()) {
            return before;
        }
        Classification again = edit.needsClassifying(before) ? classifier.classify(edit.text()) : null;
        Ticket after = db.onTicket(id, c -> {
            Ticket current = TicketSql.lockAndLoad(c, id);
            checkEditable(current, who, sent);
            Change change = TicketLifecycle.edit(current, edit, again, who.actor(), clock.now(), levels);
            Ticket t = change.ticket();
            Deadlines due = change.deadlines();
            Ticket stored = TicketSql.update(c, """
                    title = ?, description = ?, location = ?, priority = ?::ticket_priority,
                    category = ?::ticket_category, category_confidence = ?, category_source = ?, needs_review = ?,
                    language = ?""" + (due != null ? ", " + TicketSql.SET_DEADLINES : ""), ps -> {
                ps.setString(1, t.title());
                ps.setString(2, t.description());
                Sql.setNullableString(ps, 3, t.location());
                ps.setString(4, t.priority().name());
                ps.setString(5, t.category().name());
                ps.setDouble(6, t.categoryConfidence());
                ps.setString(7, t.categorySource().name());
                ps.setBoolean(8, t.needsReview());
                ps.setString(9, TicketText.language(t.title(), t.description()));
                return due != null ? TicketSql.bindDeadlines(ps, 10, due) : 10;
            }, current, t, who);
            if (edit.categoryCorrected()) {
                // Stored even when staff confirm the classifier's category: a confirmed example teaches too.
                corrections.record(id, TicketText.of(current.title(), current.description()),
                        current.category(), edit.staffCategory(), who.user());
            }
            events.append(c, id, change.event());
            return stored;
        });
        events.committed();
        if (edit.categoryCorrected()) {
            corrections.committed();
        }
        return after;
    }

    public Ticket changeStatus(Identity who, long id, StatusChange change, @Nullable String ifMatch) {
        Long sent = IfMatch.version(ifMatch, change.version());
        boolean closesLinked = Incidents.closesLinked(change.status());
        Ticket moved = db.onTicket(id, c -> {
            List<Long> linked = closesLinked ? LinkedTickets.lockWithLinked(c, id) : List.of();
            Ticket current = closesLinked ? TicketSql.loadLive(c, id) : TicketSql.lockAndLoad(c, id);
            who.requireMaySee(current);
            TicketRules.requireVersion(sent, current.version(), false);
            TicketRules.requireMove(current, change.status(), who);
            Instant at = clock.now();
            Change move = TicketLifecycle.move(current, change.status(), who.actor(), at);
            Ticket t = move.ticket();
            Ticket stored = TicketSql.update(c, "status = ?::ticket_status, assignee = ?, closed_at = ?", ps -> {
                ps.setString(1, t.status().name());
                Sql.setNullableString(ps, 2, t.assignee());
                Sql.setInstant(ps, 3, t.closedAt());
                return 4;
            }, current, t, who);
            events.append(c, id, move.event());
            notifications.queue(c, stored, t.status() == TicketStatus.CLOSED ? MailKind.CLOSED : MailKind.TAKEN,
                    null);
            closeLinked(c, id, linked, who, at);
            return stored;
        });
        events.committed();
        return moved;
    }

    /**
     * Closing an incident closes its open linked tickets in the same transaction (locked by the caller): the outage
     * is over for every reporter at once, each ticket's history saying which incident closed it (an OPEN one is taken
     * by the closer first, {@link Incidents#closeWith}), and each one's
     * closure shows the incident's answer, which was copied under it. Each reporter who left an address is mailed as
     * when their own ticket closes.
     */
    private void closeLinked(Connection c, long incidentId, List<Long> linked, Identity who, Instant at)
            throws SQLException {
        List<Ticket> open = TicketSql.openOf(c, linked);
        for (Ticket ticket : open) {
            notifications.queue(c, ticket, MailKind.CLOSED, null);
        }
        List<Map.Entry<Ticket, Ticket>> changed = new ArrayList<>(open.size());
        List<TicketEvent> recorded = new ArrayList<>(2 * open.size());
        List<Long> taken = new ArrayList<>();
        for (Ticket ticket : open) {
            List<Change> steps = Incidents.closeWith(ticket, incidentId, who.actor(), at);
            steps.forEach(step -> recorded.add(step.event()));
            changed.add(Map.entry(ticket, steps.getLast().ticket()));
            if (ticket.status() == TicketStatus.OPEN) {
                taken.add(ticket.id());
            }
        }
        // Taken only to be closed with the incident: the incident's answer copied under each is not news for the
        // closer, whose Mine list would mark every one of them unread; what a reporter wrote after it still is, the
        // one place staff see a "still not fixed" written under a linked ticket.
        ReadMarks.markStaffAnswersRead(c, taken, who);
        TicketSql.updateAll(c, "status = ?::ticket_status, assignee = ?, closed_at = ?", changed, (ps, after) -> {
            ps.setString(1, after.status().name());
            Sql.setNullableString(ps, 2, after.assignee());
            Sql.setInstant(ps, 3, after.closedAt());
            return 4;
        });
        events.appendAll(c, recorded);
    }

    /**
     * Staff hand an ACTIVE ticket to another staff member, the name spelled as the desk knows it ({@link StaffNames}).
     * Handing it to whoever has it already changes nothing and records nothing (a retried request must not write the
     * history twice).
     */
    public Ticket handOver(Identity who, long id, Handover handover, @Nullable String ifMatch) {
        who.requireStaff("hand tickets over");
        Long sent = IfMatch.version(ifMatch, null);
        String typed = handover.assignee(); // trimmed as a signed-in name is (Handover)
        Ticket after = db.onTicket(id, c -> {
            Ticket current = TicketSql.lockAndLoad(c, id);
            TicketRules.requireVersion(sent, current.version(), false);
            TicketRules.requireHandover(current);
            String to = StaffNames.known(c, typed, who.user());
            if (to.equals(current.assignee())) {
                return TicketSql.loadLive(c, id, who);
            }
            Change handed = TicketLifecycle.handOver(current, to, who.actor(), clock.now());
            Ticket stored = TicketSql.update(c, "assignee = ?", ps -> {
                ps.setString(1, handed.ticket().assignee());
                return 2;
            }, current, handed.ticket(), who);
            events.append(c, id, handed.event());
            return stored;
        });
        events.committed(); // a wake-up with nothing new costs the sequencer one empty sweep
        return after;
    }

    /**
     * Soft delete (spam): the ticket vanishes from every read; a DELETED event with null facts tells the feed. A
     * deleted incident frees its open linked tickets in the same transaction: linked to a ticket nobody can read,
     * they could never be answered, closed, unlinked or linked to another incident. A closed ticket is read-only,
     * as for every other change: deleting it would rewrite the resolution times and targets already reported.
     */
    public void delete(Identity who, long id) {
        who.requireStaff("delete tickets");
        db.onTicket(id, c -> {
            List<Long> linked = LinkedTickets.lockWithLinked(c, id);
            Ticket current = TicketSql.loadLive(c, id);
            TicketRules.requireOpenForChanges(current);
            Change deletion = TicketLifecycle.delete(current, who.actor(), clock.now());
            TicketSql.update(c, "deleted_at = ?", ps -> {
                Sql.setInstant(ps, 1, deletion.event().at());
                return 2;
            }, current, deletion.ticket());
            events.append(c, id, deletion.event());
            unlinkOpen(c, linked, who, deletion.event().at());
            return current;
        });
        events.committed();
    }

    /** The open ones of {@code linked} (locked by the caller) unlinked; closed tickets are read-only and stay. */
    private void unlinkOpen(Connection c, List<Long> linked, Identity who, Instant at) throws SQLException {
        events.appendAll(c, TicketSql.moveOpen(c, linked, t -> Incidents.unlink(t, who.actor(), at),
                "incident_id = ?", (ps, after) -> {
                    Sql.setNullableLong(ps, 1, after.incidentId());
                    return 2;
                }));
    }

    private static void checkEditable(Ticket ticket, Identity who, @Nullable Long sent) {
        who.requireMaySee(ticket);
        TicketRules.requireOpenForChanges(ticket);
        TicketRules.requireVersion(sent, ticket.version(), true);
    }
}
