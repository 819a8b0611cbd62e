package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the change feed. The trap: event ids come from a sequence, and two transactions that took ids 10 and 11
 * may commit 11 first; a reader "after 10" that had already seen 11 would skip 10 for ever. So the feed is not
 * read by id but by the position {@link FeedSequencer} stamps on events after they committed (a bulk load writes
 * its own, under the same lock): positions become visible in increasing order only, and an open transaction
 * elsewhere holds nothing back.
 *
 * <p>The query is written out here rather than derived by a repository: with the sequencer's stamp it is the whole
 * of the feed's guarantee, and a reader checking that guarantee should see the exact SQL next to the reasoning.
 */
@Singleton
public class ChangeFeed {

    private static final String READ = """
            SELECT position, ticket_id, type, actor, internal, at,
                   category, status, priority, opened_at, closed_at, first_response_at, version,
                   assignee, first_response_due_at, resolution_due_at, incident_id
            FROM ticket_event
            WHERE position > ?
            ORDER BY position
            LIMIT ?""";

    private final Database db;
    private final FeedSequencer sequencer;

    public ChangeFeed(Database db, FeedSequencer sequencer) {
        this.db = db;
        this.sequencer = sequencer;
    }

    /**
     * Up to {@code limit} events after {@code after}; {@code next} stays at {@code after} if none. The page also
     * says until when every committed event had a position (read before the events, so it is never too late).
     */
    public ChangePage read(FeedCursor after, int limit) {
        Instant complete = sequencer.completeAsOf();
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(READ)) {
                ps.setLong(1, after.position());
                ps.setInt(2, limit);
                List<ChangeEvent> events = new ArrayList<>();
                FeedCursor last = after;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = new FeedCursor(rs.getLong("position"));
                        events.add(event(rs, last));
                    }
                }
                return new ChangePage(events, last.toString(), complete);
            }
        });
    }

    private static ChangeEvent event(ResultSet rs, FeedCursor cursor) throws SQLException {
        EventType type = EventType.valueOf(rs.getString("type"));
        long ticketId = rs.getLong("ticket_id");
        TicketFacts facts = type == EventType.DELETED ? null : new TicketFacts(ticketId,
                Category.valueOf(rs.getString("category")),
                TicketStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "closed_at"),
                Sql.instant(rs, "first_response_at"),
                rs.getLong("version"),
                rs.getString("assignee"),
                Sql.instant(rs, "first_response_due_at"),
                Sql.instant(rs, "resolution_due_at"),
                rs.getObject("incident_id", Long.class));
        Instant at = Sql.instant(rs, "at");
        return new ChangeEvent(cursor.toString(), type, ticketId, at, rs.getString("actor"),
                rs.getBoolean("internal"), facts);
    }
}
