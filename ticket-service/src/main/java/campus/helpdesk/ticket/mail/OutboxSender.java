package campus.helpdesk.ticket.mail;

import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends what the outbox holds. A claim is one statement: it takes due rows no other sender holds
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work), counts the attempt and pushes the row's next try a
 * lease away. Nothing stays locked while SMTP talks; a sender that dies after sending but before marking leaves the
 * row to be sent again once the lease runs out, with the same Message-ID (at least once, never lost). A failure waits
 * a doubling, capped time; a 5xx refusal or the last allowed attempt marks the row failed, which staff see on the
 * ticket.
 */
@Singleton
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    private static final String CLAIM = """
            UPDATE mail_outbox o SET attempts = o.attempts + 1, next_attempt_at = now() + ?::interval
            FROM (SELECT id FROM mail_outbox
                  WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                  ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING o.id, o.ticket_id, o.recipient, o.message_id, o.reply_to, o.subject, o.text_body,
                      o.html_body, o.attempts""";

    private final Database db;
    private final MailSettings settings;
    private final SmtpTransport transport;
    private final boolean enabled;

    public OutboxSender(Database db, MailSettings settings, SmtpTransport transport,
                        @Value("${helpdesk.smtp.sender.enabled:true}") boolean enabled) {
        this.db = db;
        this.settings = settings;
        this.transport = transport;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${helpdesk.smtp.poll:1s}", initialDelay = "1s")
    void poll() {
        if (!enabled || !settings.enabled()) {
            return;
        }
        try {
            while (sendDue() == BATCH) {
                // a full batch: more may be due at once
            }
        } catch (RuntimeException e) {
            // The database away: the rows wait where they are, the next poll tries again.
            LOG.warn("Mail outbox not read: {}", e.getMessage());
        }
    }

    /** One claim and its sends; how many rows were claimed. */
    public int sendDue() {
        List<OutboxMail> claimed = claim();
        for (OutboxMail mail : claimed) {
            try {
                transport.send(mail);
                mark(mail, "sent_at = now(), last_error = NULL", null);
            } catch (SmtpTransport.PermanentFailure e) {
                LOG.warn("Notification {} for ticket {} refused: {}", mail.id(), mail.ticketId(), e.getMessage());
                mark(mail, "failed_at = now(), last_error = ?", e.getMessage());
            } catch (MessagingException | RuntimeException e) {
                String error = describe(e);
                if (mail.attempts() >= settings.maxAttempts()) {
                    LOG.warn("Notification {} for ticket {} given up after {} attempts: {}", mail.id(),
                            mail.ticketId(), mail.attempts(), error);
                    mark(mail, "failed_at = now(), last_error = ?", error);
                } else {
                    mark(mail, "next_attempt_at = now() + '" + settings.backoff(mail.attempts()).toMillis()
                            + " milliseconds'::interval, last_error = ?", error);
                }
            }
        }
        return claimed.size();
    }

    private List<OutboxMail> claim() {
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setString(1, settings.lease().toMillis() + " milliseconds");
                ps.setInt(2, BATCH);
                List<OutboxMail> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxMail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * A failure is marked only while the row is still this attempt's (a row re-claimed after a lost lease is the
     * other sender's now); a success always, so the other sender does not send it a third time.
     */
    private void mark(OutboxMail mail, String set, String error) {
        boolean sent = set.startsWith("sent_at");
        db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outbox SET " + set
                    + " WHERE id = ? AND (attempts = ? OR " + sent + ") AND sent_at IS NULL")) {
                int i = 1;
                if (set.contains("?")) {
                    Sql.setNullableString(ps, i++, error);
                }
                ps.setLong(i++, mail.id());
                ps.setInt(i, mail.attempts());
                return ps.executeUpdate();
            }
        });
    }

    private static String describe(Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
