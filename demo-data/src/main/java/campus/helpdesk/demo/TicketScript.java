package campus.helpdesk.demo;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.demo.Story.Event;
import campus.helpdesk.demo.Story.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays a ticket's planned steps in time order and stops at "now": a step planned for the future has not
 * happened yet, nor has anything after it. Keeps the ticket's state, version and events consistent the way
 * ticket-service would have written them.
 */
final class TicketScript {

    private static final String NO_CHANGES = "[]";

    private final long openedAt;
    private final long now;
    private final Priority priority;
    private final List<Message> messages = new ArrayList<>(4);
    private final List<Event> events = new ArrayList<>(6);
    private Category category;
    private TicketStatus status = TicketStatus.OPEN;
    private boolean staffCategory;
    private String reporter;
    private String assignee;
    private long version;
    private long updatedAt;
    private long firstResponseAt;
    private long closedAt;
    private boolean future;

    TicketScript(long openedAt, long now, Category category, Priority priority) {
        this.openedAt = openedAt;
        this.now = now;
        this.category = category;
        this.priority = priority;
    }

    long openedAt() {
        return openedAt;
    }

    Category category() {
        return category;
    }

    String reporter() {
        return reporter;
    }

    void created(String reporterName) {
        reporter = reporterName;
        change(openedAt);
        event(EventType.CREATED, openedAt, reporter, Role.STUDENT, false, NO_CHANGES);
    }

    void taken(long at, String staff) {
        if (happened(at)) {
            status = TicketStatus.ACTIVE;
            assignee = staff;
            change(at);
            event(EventType.STATUS_CHANGED, at, staff, Role.STAFF, false,
                    "[" + field("status", "OPEN", "ACTIVE") + "," + field("assignee", null, staff) + "]");
        }
    }

    void categoryCorrected(long at, String staff, Category corrected) {
        if (happened(at)) {
            String changes = "[" + field("category", category.name(), corrected.name()) + "]";
            category = corrected;
            staffCategory = true;
            change(at);
            event(EventType.CATEGORY_CORRECTED, at, staff, Role.STAFF, false, changes);
        }
    }

    /** A message; the first public staff message is the ticket's first response and changes the ticket. */
    void message(Message message) {
        if (happened(message.at())) {
            messages.add(message);
            if (firstResponseAt == 0 && message.role() == Role.STAFF && !message.internal()) {
                firstResponseAt = message.at();
                change(message.at());
            }
            event(EventType.MESSAGE_ADDED, message.at(), message.author(), message.role(), message.internal(),
                    NO_CHANGES);
        }
    }

    void closed(long at, String staff) {
        if (happened(at)) {
            status = TicketStatus.CLOSED;
            closedAt = at;
            change(at);
            event(EventType.STATUS_CHANGED, at, staff, Role.STAFF, false,
                    "[" + field("status", "ACTIVE", "CLOSED") + "]");
        }
    }

    Story finish(long id, String title, String description, String location, double confidence,
                 Language language) {
        boolean needsReview = !staffCategory && confidence < 0.6;
        return new Story(id, title, description, location, priority, status, category, confidence, staffCategory,
                needsReview, reporter, assignee, language, openedAt, updatedAt, firstResponseAt, closedAt, version,
                messages, events);
    }

    private boolean happened(long at) {
        future = future || at > now;
        return !future;
    }

    private void change(long at) {
        version++;
        updatedAt = at;
    }

    private void event(EventType type, long at, String actor, Role role, boolean internal, String changes) {
        events.add(new Event(type, at, actor, role, internal, changes, category, status, firstResponseAt, closedAt,
                version));
    }

    private static String field(String name, String from, String to) {
        return "{\"field\":\"" + name + "\",\"from\":" + quote(from) + ",\"to\":" + quote(to) + "}";
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
