package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import campus.helpdesk.ticket.FreePort;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the notification tests: the service of {@link ApiTest} with SMTP settings pointing at a GreenMail
 * server on a free port (a real SMTP conversation), the sender polling fast, and helpers to read the outbox.
 */
abstract class MailTest extends ApiTest {

    protected final int smtpPort = FreePort.belowTheEphemeralRange();
    protected GreenMail smtp;

    /** Whether the SMTP server is up when the service starts. */
    protected boolean smtpUpAtStart() {
        return true;
    }

    /** Settings a test class changes (attempts, backoff, the sender itself). */
    protected Map<String, String> mailProperties() {
        return Map.of();
    }

    private Map<String, String> properties;

    /** Once per class: the database and the SMTP server are made here, and a restarted service reuses them. */
    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            if (smtpUpAtStart()) {
                startSmtp();
            }
            properties = new HashMap<>(super.getProperties());
            properties.putAll(smtpSettings());
            properties.putAll(mailProperties());
        }
        return properties;
    }

    protected Map<String, String> smtpSettings() {
        return Map.of(
                "helpdesk.smtp.host", "127.0.0.1",
                "helpdesk.smtp.port", String.valueOf(smtpPort),
                "helpdesk.smtp.from", "Campus Helpdesk <helpdesk@campus.test>",
                "helpdesk.public-url", "https://helpdesk.campus.test/",
                "helpdesk.smtp.poll", "100ms",
                "helpdesk.smtp.retry-base", "200ms",
                "helpdesk.smtp.retry-cap", "1s");
    }

    protected void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stopMail() {
        stopSmtp();
    }

    protected void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** Files a ticket with a notification address, through the API as the form does. */
    protected Ticket report(Api.As who, String title, String description, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("email", email);
        Api.Answer answer = api.post(who, "/api/tickets", body);
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
        return answer.as(Ticket.class);
    }

    protected void say(Api.As who, long ticketId, String body, boolean internal) {
        Api.Answer answer = api.post(who, "/api/tickets/" + ticketId + "/messages",
                Map.of("body", body, "internal", internal));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    }

    /** The mails GreenMail received for {@code recipient}. */
    protected List<MimeMessage> mailTo(String recipient) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(recipient)) {
                mine.add(m);
            }
        }
        return mine;
    }

    /** The outbox rows of a ticket: kind, message id, sent or not, attempts. */
    protected List<Map<String, Object>> outbox(long ticketId) throws SQLException {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("""
                SELECT kind, message_id, sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed, attempts,
                       last_error FROM mail_outbox WHERE ticket_id = ? ORDER BY id""")) {
            ps.setLong(1, ticketId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (String column : List.of("kind", "message_id", "sent", "failed", "attempts", "last_error")) {
                        row.put(column, rs.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    protected static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for: " + what).isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** {@link #await} for conditions that read the database or the mailbox. */
    protected interface Check {
        boolean holds() throws Exception;
    }

    protected static BooleanSupplier unchecked(Check check) {
        return () -> {
            try {
                return check.holds();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
