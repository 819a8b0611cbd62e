package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Queues a notification to a ticket's reporter on the connection of the change that causes it, so the mail and the
 * change commit or roll back together (the outbox); {@link OutboxSender} sends it later. A ticket without a
 * notification address, or a desk without SMTP settings, queues nothing.
 */
@Singleton
public class Notifications {

    private static final String QUEUE = """
            INSERT INTO mail_outbox (ticket_id, kind, recipient, message_id, reply_to, subject, text_body, html_body)
            SELECT ticket_id, ?, email, ?, ?, ?, ?, ? FROM ticket_contact WHERE ticket_id = ?""";

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
            ps.setString(3, settings.from());
            ps.setString(4, mail.subject());
            ps.setString(5, mail.text());
            ps.setString(6, mail.html());
            ps.setLong(7, ticket.id());
            ps.executeUpdate();
        }
    }
}
