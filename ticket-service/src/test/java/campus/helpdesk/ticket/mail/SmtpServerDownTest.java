package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP server is down when the change happens: the mail waits, is retried with backoff, and goes out once. */
@MicronautTest(transactional = false)
class SmtpServerDownTest extends MailTest {

    @Override
    protected boolean smtpUpAtStart() {
        return false;
    }

    @Override
    protected Map<String, String> mailProperties() {
        return Map.of("helpdesk.smtp.max-attempts", "50");
    }

    @Test
    void aMailQueuedWhileTheServerIsDownIsSentOnceItIsBack() throws Exception {
        String to = "patient@students.campus.test";
        Ticket ticket = report(Api.As.student("Paola"), "Printer jam in E1", "The printer in E1 jams on every page.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        await("two failed attempts", Duration.ofSeconds(10), unchecked(() ->
                ((Integer) outbox(ticket.id()).get(0).get("attempts")) >= 2));
        Map<String, Object> waiting = outbox(ticket.id()).get(0);
        assertThat(waiting.get("sent")).isEqualTo(false);
        assertThat(waiting.get("failed")).isEqualTo(false);
        assertThat(waiting.get("last_error")).as("why it waits").isNotNull();
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id() + "/notifications").map().get("mails").toString())
                .contains("PENDING");

        startSmtp();
        await("sent once the server is back", Duration.ofSeconds(10), unchecked(() ->
                Boolean.TRUE.equals(outbox(ticket.id()).get(0).get("sent"))));
        Thread.sleep(500);
        assertThat(mailTo(to)).hasSize(1);
        assertThat(mailTo(to).get(0).getMessageID()).isEqualTo(outbox(ticket.id()).get(0).get("message_id"));
    }
}
