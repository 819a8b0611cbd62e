package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Queues a notification to a ticket's reporter (or to its assignee, {@link #queueToAssignee}) on the connection of
 * the change that causes it, so the mail and the change commit or roll back together (the outbox);
 * {@link OutboxSender} sends it later. A ticket without a notification address, or a desk without SMTP settings,
 * queues nothing.
 */
@Singleton
public class Notifications {

    private static final String QUEUE = """
            INSERT INTO mail_outbox (ticket_id, kind, recipient, message_id, reply_to, subject, text_body, html_body)
            SELECT ticket_id, ?, email, ?, replace(?, '{token}', reply_token), ?, ?, ? FROM ticket_contact
            WHERE ticket_id = ?""";

    /** Once per incoming mail: its Message-ID fixes the answer's, so a mail handled twice is answered once. */
    private static final String ANSWER = """
            INSERT INTO mail_outbox (ticket_id, kind, recipient, message_id, reply_to, subject, text_body, html_body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""";

    /** To the assignee's own address, when they gave one and left the setting on; no Reply-To (see below). */
    private static final String TO_ASSIGNEE = """
            INSERT INTO mail_outbox (ticket_id, kind, recipient, message_id, subject, text_body, html_body)
            SELECT ?, ?, email, ?, ?, ?, ? FROM staff_notification
            WHERE staff_name = ? AND enabled AND email IS NOT NULL""";

    private final MailSettings settings;

    public Notifications(MailSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Tells the reporter of {@code ticket} (as it is after the change) of it; {@code message}: a public answer. */
    public void queue(Connection c, Ticket ticket, MailKind kind, @Nullable String message) throws SQLException {
        if (!settings.enabled()) {
            return;
        }
        MailText.Rendered mail = MailText.render(ticket, kind, message,
                settings.publicUrl() + "/#/tickets/" + ticket.id());
        try (PreparedStatement ps = c.prepareStatement(QUEUE)) {
            ps.setString(1, kind.name());
            ps.setString(2, "<ticket-" + ticket.id() + "." + UUID.randomUUID() + "@" + settings.domain() + ">");
            ps.setString(3, settings.replyToTemplate());
            ps.setString(4, mail.subject());
            ps.setString(5, mail.text());
            ps.setString(6, mail.html());
            ps.setLong(7, ticket.id());
            ps.executeUpdate();
        }
    }

    /**
     * Tells {@code recipient}, who replied by mail to the closed {@code ticket}, that the reply was not added. The
     * answer's Message-ID derives from {@code incomingKey} (the reply's own), so it is queued once however often
     * the reply is read; a reply to it carries no ticket token and opens a new ticket.
     */
    public void queueReplyToClosed(Connection c, Ticket ticket, String recipient, String incomingKey)
            throws SQLException {
        if (!settings.enabled()) {
            return;
        }
        MailText.Rendered mail = MailText.render(ticket, MailKind.REPLY_TO_CLOSED, null,
                settings.publicUrl() + "/#/tickets/" + ticket.id());
        try (PreparedStatement ps = c.prepareStatement(ANSWER)) {
            ps.setLong(1, ticket.id());
            ps.setString(2, MailKind.REPLY_TO_CLOSED.name());
            ps.setString(3, recipient);
            ps.setString(4, "<closed-reply-" + incomingKey + "@" + settings.domain() + ">");
            ps.setString(5, settings.from());
            ps.setString(6, mail.subject());
            ps.setString(7, mail.text());
            ps.setString(8, mail.html());
            ps.executeUpdate();
        }
    }

    /**
     * Tells the staff member {@code ticket} is assigned to that {@code author} wrote {@code message} under it, when
     * the ticket is ACTIVE, the author is not the assignee themself and the assignee's setting says so. Internal
     * notes count: staff may read them, and a colleague's note is often what the assignee must act on. The mail
     * has no Reply-To: a reply would come back to the desk's mailbox as a new report, not under this ticket, and
     * staff answer in the desk.
     */
    public void queueToAssignee(Connection c, Ticket ticket, String author, boolean authorIsStaff, String message)
            throws SQLException {
        String assignee = ticket.assignee();
        if (!settings.enabled() || ticket.status() != TicketStatus.ACTIVE || assignee == null
                || (authorIsStaff && assignee.equals(author))) {
            return;
        }
        MailText.Rendered mail = MailText.render(ticket, MailKind.STAFF_MESSAGE, author + ":\n" + message,
                settings.publicUrl() + "/#/tickets/" + ticket.id());
        try (PreparedStatement ps = c.prepareStatement(TO_ASSIGNEE)) {
            ps.setLong(1, ticket.id());
            ps.setString(2, MailKind.STAFF_MESSAGE.name());
            ps.setString(3, "<staff-" + ticket.id() + "." + UUID.randomUUID() + "@" + settings.domain() + ">");
            ps.setString(4, mail.subject());
            ps.setString(5, mail.text());
            ps.setString(6, mail.html());
            ps.setString(7, assignee);
            ps.executeUpdate();
        }
    }
}
