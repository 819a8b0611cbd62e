package campus.helpdesk.ticket.sla;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.ServiceLevel;
import campus.helpdesk.api.SlaStatus;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ticket the API returns carries its due times and where it stands against them at the time of asking. */
@MicronautTest(transactional = false)
class ServiceLevelsOnTicketsTest extends ApiTest {

    private static final ServiceLevel BOTH_PENDING = new ServiceLevel(SlaStatus.PENDING, SlaStatus.PENDING);

    @Test
    void aNewTicketIsDueByTheDefaultTargetsOfItsPriorityFromItsOpening() {
        Ticket medium = file(Priority.MEDIUM);
        assertThat(medium.firstResponseDueAt()).isEqualTo(medium.openedAt().plus(Duration.ofHours(8)));
        assertThat(medium.resolutionDueAt()).isEqualTo(medium.openedAt().plus(Duration.ofHours(72)));
        assertThat(medium.sla()).isEqualTo(BOTH_PENDING);

        Ticket high = file(Priority.HIGH);
        assertThat(high.firstResponseDueAt()).isEqualTo(high.openedAt().plus(Duration.ofHours(1)));
        assertThat(high.resolutionDueAt()).isEqualTo(high.openedAt().plus(Duration.ofHours(8)));
    }

    @Test
    void theJsonCarriesTheDueTimesAndTheSlaOnEveryRead() {
        Ticket ticket = file(Priority.LOW);
        Map<String, Object> one = api.get(STUDENT, "/api/tickets/" + ticket.id()).map();
        assertThat(one).containsEntry("firstResponseDueAt", ticket.firstResponseDueAt().toString())
                .containsEntry("resolutionDueAt", ticket.resolutionDueAt().toString())
                .containsEntry("sla", Map.of("firstResponse", "PENDING", "resolution", "PENDING"));
        assertThat(api.get(STAFF, "/api/tickets?size=100").map().get("items").toString())
                .contains("firstResponseDueAt=" + ticket.firstResponseDueAt());
    }

    @Test
    void aPriorityChangeRecomputesTheTargetsFromTheOpeningTime() {
        Ticket low = file(Priority.LOW);

        Ticket high = api.patch(STUDENT, "/api/tickets/" + low.id(), Map.of("priority", "HIGH",
                "version", low.version())).as(Ticket.class);

        assertThat(high.firstResponseDueAt()).isEqualTo(low.openedAt().plus(Duration.ofHours(1)));
        assertThat(high.resolutionDueAt()).isEqualTo(low.openedAt().plus(Duration.ofHours(8)));
        assertThat(api.get(STAFF, "/api/tickets/" + low.id()).as(Ticket.class).firstResponseDueAt())
                .isEqualTo(high.firstResponseDueAt());
        Ticket retitled = api.patch(STUDENT, "/api/tickets/" + low.id(), Map.of("title", "Still broken",
                "version", high.version())).as(Ticket.class);
        assertThat(retitled.resolutionDueAt()).as("other edits keep them").isEqualTo(high.resolutionDueAt());
    }

    @Test
    void aStaffReplyInTimeMeetsTheFirstResponseAndOverdueTargetsAreBreachedOrAtRisk() throws Exception {
        Ticket answered = file(Priority.MEDIUM);
        api.post(STAFF, "/api/tickets/" + answered.id() + "/status", Map.of("status", "ACTIVE"));
        api.post(STAFF, "/api/tickets/" + answered.id() + "/messages", Map.of("body", "Looking into it"));
        assertThat(api.get(STUDENT, "/api/tickets/" + answered.id()).as(Ticket.class).sla())
                .isEqualTo(new ServiceLevel(SlaStatus.MET, SlaStatus.PENDING));

        Ticket late = file(Priority.HIGH);
        openedAgo(late.id(), Duration.ofHours(7));
        assertThat(api.get(STAFF, "/api/tickets/" + late.id()).as(Ticket.class).sla())
                .as("first response an hour late, resolution with less than a fifth of 8 h left")
                .isEqualTo(new ServiceLevel(SlaStatus.BREACHED, SlaStatus.AT_RISK));

        Ticket closed = api.post(STAFF, "/api/tickets/" + late.id() + "/status", Map.of("status", "ACTIVE"))
                .as(Ticket.class);
        closed = api.post(STAFF, "/api/tickets/" + closed.id() + "/status", Map.of("status", "CLOSED"))
                .as(Ticket.class);
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.sla()).as("closing without a reply is the first response, late here")
                .isEqualTo(new ServiceLevel(SlaStatus.BREACHED, SlaStatus.MET));
    }

    private Ticket file(Priority priority) {
        Api.Answer answer = api.post(STUDENT, "/api/tickets",
                new NewTicket("Window will not close", "The window in room 3.12 is stuck open", null, priority,
                        null));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
        return answer.as(Ticket.class);
    }
}
