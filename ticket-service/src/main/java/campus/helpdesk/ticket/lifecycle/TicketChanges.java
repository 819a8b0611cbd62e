package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.StatusChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.classify.Corrections;
import campus.helpdesk.ticket.classify.CurrentClassifier;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.language.LanguageGuesser;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to an existing ticket. Each is one transaction that first locks the ticket (see
 * {@link TicketSql#lock}), re-reads it, applies {@link TicketRules}, updates it guarded by its version and appends
 * the event.
 */
@Singleton
public class TicketChanges {

    private final Database db;
    private final EventLog events;
    private final CurrentClassifier classifier;
    private final Corrections corrections;

    public TicketChanges(Database db, EventLog events, CurrentClassifier classifier, Corrections corrections) {
        this.db = db;
        this.events = events;
        this.classifier = classifier;
        this.corrections = corrections;
    }

    public Ticket patch(Identity who, long id, TicketPatch patch, @Nullable String ifMatch) {
        if (patch.category() != null) {
            who.requireStaff("correct a ticket's category");
        }
        Long sent = IfMatch.version(ifMatch, patch.version());
        // Read and classify outside the transaction (the classifier must not hold a lock); the version check inside
        // guarantees the text classified here is the text being changed.
        Ticket before = db.autoCommit(c -> TicketSql.loadLive(c, id));
        checkEditable(before, who, sent);
        TicketEdit edit = TicketEdit.of(before, patch);
        if (edit.isEmpty()) {
            return before;
        }
        String text = TicketSql.text(edit.title(), edit.description());
        Classification again = edit.textChanged() && !edit.categoryCorrected()
                && before.categorySource() == CategorySource.AUTO ? classifier.classify(text) : null;
        Ticket after = db.inTransaction(c -> {
            Ticket current = TicketSql.lockAndLoad(c, id);
            checkEditable(current, who, sent);
            List<FieldChange> changes = new ArrayList<>(edit.changes());
            if (again != null && again.category() != current.category()) {
                changes.add(new FieldChange("category", current.category().name(), again.category().name()));
            }
            Ticket updated = update(c, current, edit, again, LanguageGuesser.guess(text));
            if (edit.categoryCorrected()) {
                // Stored even when staff confirm the classifier's category: a confirmed example teaches too.
                corrections.record(c, id, TicketSql.text(current.title(), current.description()),
                        current.category(), edit.staffCategory(), who.user());
            }
            boolean onlyCategory = changes.stream().allMatch(ch -> ch.field().startsWith("category"));
            events.append(c, id, onlyCategory && edit.categoryCorrected() ? EventType.CATEGORY_CORRECTED
                    : EventType.EDITED, who, false, changes, updated);
            return updated;
        });
        events.committed();
        if (edit.categoryCorrected()) {
            corrections.committed();
        }
        return after;
    }

    public Ticket changeStatus(Identity who, long id, StatusChange change, @Nullable String ifMatch) {
        Long sent = IfMatch.version(ifMatch, change.version());
        Ticket moved = db.inTransaction(c -> {
            Ticket current = TicketSql.lockAndLoad(c, id);
            who.requireMaySee(current);
            TicketRules.requireVersion(sent, current.version(), false);
            TicketRules.requireMove(current, change.status(), who);
            Ticket updated;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tickets SET status = ?::ticket_status,
                        assignee = CASE WHEN ? THEN ? ELSE assignee END,
                        closed_at = CASE WHEN ? THEN now() ELSE closed_at END,
                        updated_at = now(), version = version + 1
                    WHERE id = ? AND version = ? RETURNING\s""" + TicketSql.COLUMNS)) {
                boolean taking = change.status() == TicketStatus.ACTIVE;
                ps.setString(1, change.status().name());
                ps.setBoolean(2, taking);
                ps.setString(3, who.user());
                ps.setBoolean(4, change.status() == TicketStatus.CLOSED);
                ps.setLong(5, id);
                ps.setLong(6, current.version());
                updated = single(ps, current);
            }
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("status", current.status().name(), updated.status().name()));
            if (updated.status() == TicketStatus.ACTIVE) {
                changes.add(new FieldChange("assignee", current.assignee(), updated.assignee()));
            }
            if (updated.status() == TicketStatus.CLOSED) {
                changes.add(new FieldChange("closedAt", null, String.valueOf(updated.closedAt())));
            }
            events.append(c, id, EventType.STATUS_CHANGED, who, false, changes, updated);
            return updated;
        });
        events.committed();
        return moved;
    }

    /** Soft delete (spam): the ticket vanishes from every read; a DELETED event with null facts tells the feed. */
    public void delete(Identity who, long id) {
        who.requireStaff("delete tickets");
        db.inTransaction(c -> {
            Ticket current = TicketSql.lockAndLoad(c, id);
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tickets SET deleted_at = now(), updated_at = now(), version = version + 1
                    WHERE id = ? AND deleted_at IS NULL""")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            events.append(c, id, EventType.DELETED, who, false,
                    List.of(new FieldChange("deleted", null, "true")), null);
            return current;
        });
        events.committed();
    }

    private static void checkEditable(Ticket ticket, Identity who, @Nullable Long sent) {
        who.requireMaySee(ticket);
        TicketRules.requireOpenForChanges(ticket);
        TicketRules.requireVersion(sent, ticket.version(), true);
    }

    private static Ticket update(Connection c, Ticket current, TicketEdit edit, @Nullable Classification again,
                                 String language) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE tickets SET title = ?, description = ?, location = ?, priority = ?::ticket_priority,
                    category = ?::ticket_category, category_confidence = ?, category_source = ?, needs_review = ?,
                    language = ?, updated_at = now(), version = version + 1
                WHERE id = ? AND version = ? RETURNING\s""" + TicketSql.COLUMNS)) {
            ps.setString(1, edit.title());
            ps.setString(2, edit.description());
            Sql.setNullableString(ps, 3, edit.location());
            ps.setString(4, edit.priority().name());
            if (edit.categoryCorrected()) {
                // A person decided: certain, and no longer waiting for review.
                ps.setString(5, edit.staffCategory().name());
                ps.setDouble(6, 1.0);
                ps.setString(7, CategorySource.STAFF.name());
                ps.setBoolean(8, false);
            } else if (again != null) {
                ps.setString(5, again.category().name());
                ps.setDouble(6, Math.max(0, Math.min(1, again.confidence())));
                ps.setString(7, CategorySource.AUTO.name());
                ps.setBoolean(8, again.needsReview());
            } else {
                ps.setString(5, current.category().name());
                ps.setDouble(6, current.categoryConfidence());
                ps.setString(7, current.categorySource().name());
                ps.setBoolean(8, current.needsReview());
            }
            ps.setString(9, language);
            ps.setLong(10, current.id());
            ps.setLong(11, current.version());
            return single(ps, current);
        }
    }

    /** The updated row; none means the version moved on, which the ticket lock prevents, but never overwrite. */
    private static Ticket single(PreparedStatement ps, Ticket current) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw Problems.conflict("Ticket " + current.id() + " changed meanwhile; reload it and try again");
            }
            return TicketSql.map(rs);
        }
    }
}
