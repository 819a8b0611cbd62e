package campus.helpdesk.demo;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.FeedPositions;
import campus.helpdesk.lifecycle.TicketEvent;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes a batch of played stories with three COPYs into ticket-service's tables: tickets, then messages, then
 * events. Every value comes from the lifecycle's tickets and events; this class only spells them for COPY. The
 * events carry their feed positions ({@link FeedPositions}): the batch's transaction takes the feed's lock before
 * their COPY and holds it to its commit, which is a COPY of a few tens of thousands of rows.
 */
final class StoryRows {

    static final CopyColumns TICKETS = new CopyColumns("tickets", "id", "title", "description", "location",
            "priority", "status", "category", "category_confidence", "category_source", "needs_review",
            "reporter_name", "assignee", "opened_at", "updated_at", "first_response_at", "closed_at", "version",
            "language", "first_response_due_at", "first_response_at_risk_at", "resolution_due_at",
            "resolution_at_risk_at", "incident_id");
    static final CopyColumns MESSAGES = new CopyColumns("ticket_message", "id", "ticket_id", "author",
            "author_role", "body", "internal", "created_at");
    static final CopyColumns EVENTS = new CopyColumns("ticket_event", "ticket_id", "type", "actor", "actor_role",
            "at", "internal", "changes", "category", "status", "priority", "opened_at", "closed_at",
            "first_response_at", "version", "assignee", "first_response_due_at", "resolution_due_at", "incident_id",
            "position");
    static final CopyColumns FOLLOWERS = new CopyColumns("ticket_follower", "ticket_id", "person", "joined_at");

    private StoryRows() {
    }

    /** Counts of what one batch wrote. */
    record Counts(long tickets, long messages, long events) {
    }

    /** In a transaction of the caller's, which must commit it: the feed's lock is held until then. */
    static Counts write(Connection connection, List<TicketScript.Played> stories) throws SQLException, IOException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("The events' feed positions need the batch's own transaction");
        }
        long messages = 0;
        long events = 0;
        try (CopyWriter copy = new CopyWriter(connection, TICKETS)) {
            for (TicketScript.Played s : stories) {
                Ticket t = s.ticket();
                copy.number(t.id()).text(t.title()).text(t.description()).text(t.location())
                        .text(t.priority().name()).text(t.status().name()).text(t.category().name())
                        .number(t.categoryConfidence()).text(t.categorySource().name()).bool(t.needsReview())
                        .text(t.reporterName()).text(t.assignee()).time(t.openedAt()).time(t.updatedAt())
                        .time(t.firstResponseAt()).time(t.closedAt()).number(t.version()).text(s.language())
                        .time(s.deadlines().firstResponseDue()).time(s.deadlines().firstResponseAtRisk())
                        .time(s.deadlines().resolutionDue()).time(s.deadlines().resolutionAtRisk())
                        .nullable(t.incidentId());
                copy.endRow();
            }
        }
        try (CopyWriter copy = new CopyWriter(connection, MESSAGES)) {
            for (TicketScript.Played s : stories) {
                for (TicketScript.PostedMessage m : s.messages()) {
                    copy.number(m.id()).number(s.ticket().id()).text(m.post().author()).text(m.post().role().name())
                            .text(m.post().body()).bool(m.post().internal()).time(m.post().at());
                    copy.endRow();
                    messages++;
                }
            }
        }
        long position = lastFeedPosition(connection);
        try (CopyWriter copy = new CopyWriter(connection, EVENTS)) {
            for (TicketScript.Played s : stories) {
                for (TicketEvent e : s.events()) {
                    Ticket facts = e.facts();
                    copy.number(s.ticket().id()).text(e.type().name()).text(e.actor().name())
                            .text(e.actor().role().name()).time(e.at()).bool(e.internal())
                            .text(ChangesJson.of(e.changes())).text(facts.category().name())
                            .text(facts.status().name()).text(facts.priority().name()).time(facts.openedAt())
                            .time(facts.closedAt()).time(facts.firstResponseAt()).number(facts.version())
                            .text(facts.assignee()).time(facts.firstResponseDueAt()).time(facts.resolutionDueAt())
                            .nullable(facts.incidentId()).number(++position);
                    copy.endRow();
                    events++;
                }
            }
        }
        return new Counts(stories.size(), messages, events);
    }

    /**
     * Takes the feed's lock for the rest of the transaction; the greatest position given so far. While it is held no
     * new event of the desk gets a position, so PostgreSQL itself ends the batch (and with it the load) should its
     * client stall: a stopped or hung seed must not stall the desk's feed.
     */
    private static long lastFeedPosition(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(FeedPositions.LOCK);
            s.execute("SET LOCAL statement_timeout = '" + FeedPositions.LONGEST_HOLD.toSeconds() + "s'");
            s.execute("SET LOCAL idle_in_transaction_session_timeout = '"
                    + FeedPositions.LONGEST_HOLD.toSeconds() + "s'");
            try (ResultSet rs = s.executeQuery(FeedPositions.LAST)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Wakes the feed's readers in every replica; after the commit that gave the positions, as they are visible then. */
    static void announce(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_notify('" + FeedPositions.CHANNEL + "', '')");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** The people who joined the waves' incidents. */
    static void writeFollowers(Connection connection, List<WaveScript.Follower> followers)
            throws SQLException, IOException {
        try (CopyWriter copy = new CopyWriter(connection, FOLLOWERS)) {
            for (WaveScript.Follower f : followers) {
                copy.number(f.ticketId()).text(f.person()).time(f.joinedAt());
                copy.endRow();
            }
        }
    }
}
