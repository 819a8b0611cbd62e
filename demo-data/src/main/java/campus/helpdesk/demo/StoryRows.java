package campus.helpdesk.demo;

import campus.helpdesk.demo.Story.Event;
import campus.helpdesk.demo.Story.Message;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Writes a batch of stories with three COPYs into ticket-service's tables: tickets, then messages, then events. */
final class StoryRows {

    static final String TICKETS = "COPY tickets (id, title, description, location, priority, status, category, "
            + "category_confidence, category_source, needs_review, reporter_name, assignee, opened_at, updated_at, "
            + "first_response_at, closed_at, version, language) FROM STDIN";
    static final String MESSAGES = "COPY ticket_message (ticket_id, author, author_role, body, internal, created_at)"
            + " FROM STDIN";
    static final String EVENTS = "COPY ticket_event (ticket_id, type, actor, actor_role, at, internal, changes, "
            + "category, status, priority, opened_at, closed_at, first_response_at, version) FROM STDIN";

    private StoryRows() {
    }

    /** Counts of what one batch wrote. */
    record Counts(long tickets, long messages, long events) {
    }

    static Counts write(Connection connection, List<Story> stories) throws SQLException, IOException {
        long messages = 0;
        long events = 0;
        try (CopyWriter copy = new CopyWriter(connection, TICKETS)) {
            for (Story s : stories) {
                copy.number(s.id()).text(s.title()).text(s.description()).text(s.location())
                        .plain(s.priority().name()).plain(s.status().name()).plain(s.category().name())
                        .number(s.confidence()).plain(s.staffCategory() ? "STAFF" : "AUTO").bool(s.needsReview())
                        .text(s.reporter()).text(s.assignee()).time(s.openedAt()).time(s.updatedAt())
                        .time(s.firstResponseAt()).time(s.closedAt()).number(s.version())
                        .plain(s.language().searchConfig);
                copy.endRow();
            }
        }
        try (CopyWriter copy = new CopyWriter(connection, MESSAGES)) {
            for (Story s : stories) {
                for (Message m : s.messages()) {
                    copy.number(s.id()).text(m.author()).plain(m.role().name()).text(m.body()).bool(m.internal())
                            .time(m.at());
                    copy.endRow();
                    messages++;
                }
            }
        }
        try (CopyWriter copy = new CopyWriter(connection, EVENTS)) {
            for (Story s : stories) {
                for (Event e : s.events()) {
                    copy.number(s.id()).plain(e.type().name()).text(e.actor()).plain(e.role().name()).time(e.at())
                            .bool(e.internal()).text(e.changes()).plain(e.category().name())
                            .plain(e.status().name()).plain(s.priority().name()).time(s.openedAt())
                            .time(e.closedAt()).time(e.firstResponseAt()).number(e.version());
                    copy.endRow();
                    events++;
                }
            }
        }
        return new Counts(stories.size(), messages, events);
    }
}
