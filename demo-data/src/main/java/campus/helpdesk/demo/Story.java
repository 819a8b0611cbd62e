package campus.helpdesk.demo;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.TicketStatus;

import java.util.List;

/**
 * One generated ticket as it stands now, with its messages and the events that led there (times in epoch
 * milliseconds; 0 means "not yet"). Events carry the ticket's facts after each change, as ticket-service
 * writes them, so the analytics services rebuild the same state from the feed.
 */
record Story(long id, String title, String description, String location, Priority priority, TicketStatus status,
             Category category, double confidence, boolean staffCategory, boolean needsReview, String reporter,
             String assignee, Language language, long openedAt, long updatedAt, long firstResponseAt, long closedAt,
             long version, List<Message> messages, List<Event> events) {

    record Message(long at, String author, Role role, String body, boolean internal) {
    }

    record Event(EventType type, long at, String actor, Role role, boolean internal, String changes,
                 Category category, TicketStatus status, long firstResponseAt, long closedAt, long version) {
    }
}
