package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.NotificationOperations;
import campus.helpdesk.api.NotificationSettings;
import campus.helpdesk.api.TicketNotifications;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the desk emails reporters (anyone who may report asks, to show the address field or say it is off), and
 * a ticket's address and mails, for staff only: the address is personal, and a failed notification is staff's to
 * follow up.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationController implements NotificationOperations {

    private final Database db;
    private final Notifications notifications;

    public NotificationController(Database db, Notifications notifications) {
        this.db = db;
        this.notifications = notifications;
    }

    @Override
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
    public NotificationSettings notificationSettings() {
        return new NotificationSettings(notifications.enabled());
    }

    @Override
    @Secured(ServiceRoles.STAFF)
    public TicketNotifications notifications(long id) {
        return db.autoCommit(c -> {
            TicketSql.loadLive(c, id); // 404 for a ticket that does not exist or was deleted
            String email = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT email FROM ticket_contact WHERE ticket_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        email = rs.getString(1);
                    }
                }
            }
            List<TicketNotifications.Mail> mails = new ArrayList<>();
            int failed = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT kind, recipient, attempts, last_error, created_at, sent_at, failed_at
                    FROM mail_outbox WHERE ticket_id = ? ORDER BY id""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String status = rs.getObject("sent_at") != null ? "SENT"
                                : rs.getObject("failed_at") != null ? "FAILED" : "PENDING";
                        failed += "FAILED".equals(status) ? 1 : 0;
                        mails.add(new TicketNotifications.Mail(rs.getString("kind"), rs.getString("recipient"),
                                status, rs.getInt("attempts"), rs.getString("last_error"),
                                Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at")));
                    }
                }
            }
            return new TicketNotifications(id, email, failed, mails);
        });
    }
}
