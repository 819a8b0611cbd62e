package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketNotifications;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification that cannot be delivered is given up after the allowed attempts and shown to staff on the ticket
 * (the reporter was not reached), with the last error; nothing is tried again afterwards.
 */
@MicronautTest(transactional = false)
class GivingUpTest extends MailTest {

    @Override
    protected boolean smtpUpAtStart() {
        return false; // and never comes up
    }

    @Override
    protected Map<String, String> mailProperties() {
        return Map.of("helpdesk.smtp.max-attempts", "3");
    }

    @Test
    void aMailThatFailsEveryAttemptIsMarkedFailedForStaff() throws Exception {
        Ticket ticket = report(Api.As.student("Gino"), "Lift stuck in F", "The lift in building F is stuck.",
                "gino@students.campus.test");
        move(ticket.id(), TicketStatus.ACTIVE);
        await("given up", Duration.ofSeconds(15), unchecked(() ->
                Boolean.TRUE.equals(outbox(ticket.id()).get(0).get("failed"))));
        Thread.sleep(1_000); // longer than the backoff: a fourth attempt would show
        assertThat(outbox(ticket.id()).get(0).get("attempts")).isEqualTo(3);

        TicketNotifications seen = api.get(STAFF, "/api/tickets/" + ticket.id() + "/notifications")
                .as(TicketNotifications.class);
        assertThat(seen.failed()).isEqualTo(1);
        assertThat(seen.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.status()).isEqualTo("FAILED");
            assertThat(mail.kind()).isEqualTo("TAKEN");
            assertThat(mail.attempts()).isEqualTo(3);
            assertThat(mail.lastError()).isNotBlank();
            assertThat(mail.sentAt()).isNull();
        });
    }
}
