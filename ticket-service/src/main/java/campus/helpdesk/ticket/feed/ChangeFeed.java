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
 * may commit 11 first; a reader "after 10" that had already seen 11 would skip 10 for ever. So the feed serves
 * only events of transactions older than every transaction still running (xid below the snapshot's xmin): those
 * are final, and nothing can ever be inserted before them in (xid, id) order.
 */
@Singleton
public class ChangeFeed {

    /** Qualified names on purpose: ORDER BY xid with an output column "xid" (text) would put 1000 before 994. */
    private static final String READ = """
            SELECT e.id, e.xid::text AS xid_text, e.ticket_id, e.type, e.actor, e.internal, e.at,
                   e.category, e.status, e.priority, e.opened_at, e.closed_at, e.first_response_at, e.version
            FROM ticket_event e
            WHERE (e.xid, e.id) > (?::xid8, ?) AND e.xid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY e.xid, e.id
            LIMIT ?""";

    private final Database db;

    public ChangeFeed(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} servable events after {@code after}; {@code next} stays at {@code after} if none. */
    public ChangePage read(FeedCursor after, int limit) {
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(READ)) {
                ps.setString(1, Long.toString(after.xid()));
                ps.setLong(2, after.id());
                ps.setInt(3, limit);
                List<ChangeEvent> events = new ArrayList<>();
                FeedCursor last = after;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = new FeedCursor(Long.parseLong(rs.getString("xid_text")), rs.getLong("id"));
                        events.add(event(rs, last));
                    }
                }
                return new ChangePage(events, last.toString());
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
                rs.getLong("version"));
        Instant at = Sql.instant(rs, "at");
        return new ChangeEvent(cursor.toString(), type, ticketId, at, rs.getString("actor"),
                rs.getBoolean("internal"), facts);
    }
}
