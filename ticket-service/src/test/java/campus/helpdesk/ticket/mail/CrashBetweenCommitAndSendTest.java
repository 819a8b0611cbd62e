package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that dies after committing a change never sent its mail: here the service under test has no sender
 * (as if it died right after each commit), and a second service on the same database, started afterwards, is the
 * restart. The change's mail goes out once, with the Message-ID written in the change's transaction; a mail that was
 * sent but not marked before the crash goes out again with the same Message-ID, and nothing more.
 */
@MicronautTest(transactional = false)
class CrashBetweenCommitAndSendTest extends MailTest {

    @Override
    protected Map<String, String> mailProperties() {
        return Map.of("helpdesk.smtp.sender.enabled", "false", "helpdesk.smtp.lease", "1s");
    }

    @Test
    void aCommittedNotificationIsSentOnceAfterTheRestartWithItsMessageId() throws Exception {
        String to = "crash@students.campus.test";
        Ticket ticket = report(Api.As.student("Cora"), "Heating off in C4", "The heating in C4 is off.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        Thread.sleep(1_500); // several polls of a sender, had there been one
        assertThat(mailTo(to)).as("nothing sent before the restart").isEmpty();
        String messageId = (String) outbox(ticket.id()).get(0).get("message_id");

        try (ApplicationContext restarted = restart(true)) {
            await("sent after the restart", Duration.ofSeconds(10), unchecked(() ->
                    Boolean.TRUE.equals(outbox(ticket.id()).get(0).get("sent"))));
            Thread.sleep(1_500); // longer than the lease: a second send would have happened
        }
        List<MimeMessage> mails = mailTo(to);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getMessageID()).isEqualTo(messageId);
    }

    @Test
    void aMailSentButNotMarkedBeforeTheCrashIsResentWithTheSameMessageId() throws Exception {
        String to = "twice@students.campus.test";
        Ticket ticket = report(Api.As.student("Dario"), "Door jammed in D2", "The door of D2 does not open.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        // What a sender that died between the send and the mark left behind: the row claimed (one attempt, its lease
        // running), the mail delivered.
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("""
                UPDATE mail_outbox SET attempts = 1, next_attempt_at = now() + interval '1 second'
                WHERE ticket_id = ?""")) {
            ps.setLong(1, ticket.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        String messageId = (String) outbox(ticket.id()).get(0).get("message_id");
        try (ApplicationContext dying = restart(false)) {
            SmtpTransport transport = dying.getBean(SmtpTransport.class);
            transport.send(claimed(ticket.id()));
        }
        assertThat(mailTo(to)).hasSize(1);

        try (ApplicationContext restarted = restart(true)) {
            await("resent after the lease", Duration.ofSeconds(10), unchecked(() ->
                    Boolean.TRUE.equals(outbox(ticket.id()).get(0).get("sent"))));
            Thread.sleep(1_500);
        }
        List<MimeMessage> mails = mailTo(to);
        assertThat(mails).as("at worst one resend").hasSize(2);
        assertThat(mails).extracting(MimeMessage::getMessageID).containsOnly(messageId);
        assertThat(outbox(ticket.id()).get(0).get("attempts")).isEqualTo(2);
    }

    /** A second service (its beans, no HTTP server) on the same database and SMTP server. */
    private ApplicationContext restart(boolean sender) {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("helpdesk.smtp.sender.enabled", Boolean.toString(sender));
        return ApplicationContext.run(properties);
    }

    private OutboxMail claimed(long ticketId) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, ticket_id, recipient, message_id, reply_to, subject, text_body, html_body, attempts
                FROM mail_outbox WHERE ticket_id = ?""")) {
            ps.setLong(1, ticketId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new OutboxMail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9));
            }
        }
    }
}
