package campus.helpdesk.api;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/**
 * Email notifications. Whether the desk sends them (the report form offers the address field only then), and, for
 * staff alone, a ticket's notification address and what became of each mail to it: the address is personal and
 * students read every open ticket, so it is never part of {@link Ticket}.
 */
public interface NotificationOperations {

    @Get("/api/tickets/notifications")
    NotificationSettings notificationSettings();

    /** 404 for a ticket that does not exist; {@code email} null when the reporter gave none. */
    @Get("/api/tickets/{id}/notifications")
    TicketNotifications notifications(@PathVariable long id);
}
