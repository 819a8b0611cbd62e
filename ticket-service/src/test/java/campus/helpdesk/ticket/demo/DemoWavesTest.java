package campus.helpdesk.ticket.demo;

import campus.helpdesk.api.SimilarTicket;
import campus.helpdesk.api.SimilarTickets;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.demo.DemoDataLoader;
import campus.helpdesk.demo.SeedPlan;
import campus.helpdesk.demo.SeedReport;
import campus.helpdesk.demo.StoryGenerator;
import campus.helpdesk.demo.Wave;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo outages seen from the service, on demo data loaded as of now: a newcomer typing the recent outage is
 * offered its reports and can join its incident, and staff can go on with the demo incident through the API (closing
 * it closes its reports), so the demo rows are rows the service works with.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoWavesTest extends ApiTest {

    private static final Api.As NEWCOMER = Api.As.student("Newt Comer");
    private SeedPlan plan;
    private SeedReport report;
    private List<Wave> waves;

    @BeforeAll
    void loadDemoData() {
        plan = new SeedPlan(400, 3, 5, Instant.now());
        report = DemoDataLoader.load(this::sql, plan, (done, total) -> { });
        waves = new StoryGenerator(plan).waves();
    }

    @Test
    @Order(1)
    void aNewcomerReportingTheRecentOutageIsOfferedTheIncidentAndCanJoinIt() {
        Wave eduroam = wave("eduroam");
        long incident = idOf(eduroam.incident().index());
        long followers = eduroam.moves().stream().filter(m -> m instanceof Wave.Follow).count();
        // Every report of the outage is linked to the incident, so the whole wave is one offer: the incident.
        List<SimilarTicket> offered = similar("eduroam down in the library");
        assertThat(offered).extracting(SimilarTicket::id).containsExactly(incident);
        assertThat(offered.get(0).followers()).isEqualTo((int) followers);

        assertThat(api.post(NEWCOMER, "/api/tickets/" + incident + "/followers", null).status).isEqualTo(204);
        Ticket seen = api.get(NEWCOMER, "/api/tickets/" + incident).as(Ticket.class);
        assertThat(seen.followerCount()).isEqualTo((int) followers + 1);
        assertThat(seen.linkedCount()).isEqualTo(eduroam.reports().size() - 1);
        assertThat(followers).isGreaterThanOrEqualTo(10);
    }

    @Test
    @Order(2)
    void staffCloseTheRecentIncidentAndItsReportsCloseWithIt() throws SQLException {
        Wave eduroam = wave("eduroam");
        long incident = idOf(eduroam.incident().index());
        assertThat(count("SELECT count(*) FROM tickets WHERE incident_id = " + incident + " AND status = 'OPEN'"))
                .isEqualTo(eduroam.reports().size() - 1);
        Api.Answer closed = api.post(Api.As.staff("Anna Keller"), "/api/tickets/" + incident + "/status",
                Map.of("status", "CLOSED"));
        assertThat(closed.status).as(closed.toString()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM tickets WHERE incident_id = " + incident + " AND status = 'CLOSED'"))
                .isEqualTo(eduroam.reports().size() - 1);
    }

    @Test
    void olderOutagesWereClosedWithTheirIncidentInOneMove() throws SQLException {
        assertThat(waves).extracting(Wave::name).contains("eduroam", "printers", "heating");
        for (Wave wave : waves.subList(1, waves.size())) {
            long incident = idOf(wave.incident().index());
            assertThat(count("SELECT count(*) FROM tickets WHERE incident_id = " + incident
                    + " AND status = 'CLOSED' AND closed_at = (SELECT closed_at FROM tickets WHERE id = " + incident
                    + ")")).as(wave.name()).isEqualTo(wave.reports().size() - 1);
            assertThat(count("SELECT count(DISTINCT language) FROM tickets WHERE id = " + incident
                    + " OR incident_id = " + incident)).as(wave.name()).isGreaterThanOrEqualTo(4);
        }
    }

    private Wave wave(String name) {
        return waves.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private long idOf(long index) {
        return report.firstId() + index;
    }

    private List<SimilarTicket> similar(String text) {
        Api.Answer answer = api.get(NEWCOMER, "/api/tickets/similar?text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(SimilarTickets.class).items();
    }
}
