package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketNotifications;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without SMTP settings the desk sends no mail and says so; an address given is kept (staff see it) but nothing is
 * queued, so turning mail on later does not send a backlog of old news.
 */
@MicronautTest(transactional = false)
class NotificationsOffTest extends ApiTest {

    @Test
    void withoutAnSmtpHostNothingIsQueuedAndTheFormIsToldSo() {
        assertThat(api.get(STUDENT, "/api/tickets/notifications").map()).containsEntry("enabled", false);
        Api.Answer created = api.post(STUDENT, "/api/tickets", Map.of("title", "Tap drips in G1",
                "description", "The tap in the G1 kitchen drips.", "email", "ada@students.campus.test"));
        assertThat(created.status).isEqualTo(201);
        long id = created.as(Ticket.class).id();
        move(id, TicketStatus.ACTIVE);
        TicketNotifications seen = api.get(STAFF, "/api/tickets/" + id + "/notifications")
                .as(TicketNotifications.class);
        assertThat(seen.email()).isEqualTo("ada@students.campus.test");
        assertThat(seen.mails()).isEmpty();
    }
}
