package campus.helpdesk.system.incidents;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.system.trust.GatewayClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first morning of term: two hundred students report the same outage at once through the gateway. Staff make the
 * first report the incident and link the others to it; a few more students join it instead of reporting. One answer
 * reaches every reporter, and one close closes every report, each with its own history.
 */
class WaveOfReportsTest {

    private static final int REPORTS = 200;
    private static final int FOLLOWERS = 20;
    private static final String ANSWER = "The eduroam controller in the library was restarted; it works again.";

    private final URI gateway = SharedSuite.uri(Service.GATEWAY);

    private record Report(String cookie, long id) {
    }

    @Test
    void twoHundredReportsBecomeOneIncidentAnsweredAndClosedOnce() throws Exception {
        List<Report> reports = reportAtOnce();
        String staff = GatewayClient.signIn(gateway, "Wave Staff", "STAFF");
        long incident = reports.get(0).id();
        assertThat(call(staff, "POST", "/api/tickets/" + incident + "/status", Map.of("status", "ACTIVE")).status())
                .isEqualTo(200);
        List<String> followers = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            String cookie = GatewayClient.signIn(gateway, "Wave Follower " + i, "STUDENT");
            followers.add(cookie);
            assertThat(call(cookie, "POST", "/api/tickets/" + incident + "/followers", null).status()).isEqualTo(204);
        }

        List<Long> linked = reports.subList(1, REPORTS).stream().map(Report::id).toList();
        GatewayClient.Answer link = call(staff, "POST", "/api/tickets/" + incident + "/links",
                Map.of("tickets", linked));
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        assertThat(link.json().get("linkedCount").asInt()).isEqualTo(REPORTS - 1);
        assertThat(link.json().get("followerCount").asInt()).isEqualTo(FOLLOWERS);

        GatewayClient.Answer answer = retried(staff, "/api/tickets/" + incident + "/messages",
                Map.of("body", ANSWER));
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        for (Report r : reports.subList(1, REPORTS)) {
            JsonNode ticket = call(r.cookie(), "GET", "/api/tickets/" + r.id(), null).json();
            assertThat(ticket.get("incidentId").asLong()).isEqualTo(incident);
            assertThat(ticket.get("unread").asBoolean()).as("ticket " + r.id()).isTrue();
            JsonNode messages = call(r.cookie(), "GET", "/api/tickets/" + r.id() + "/messages", null).json();
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("body").asText()).isEqualTo(ANSWER);
        }

        GatewayClient.Answer closed = call(staff, "POST", "/api/tickets/" + incident + "/status",
                Map.of("status", "CLOSED"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        for (Report r : reports) {
            JsonNode closure = call(r.cookie(), "GET", "/api/tickets/" + r.id() + "/closure", null).json();
            assertThat(closure.get("closedBy").asText()).isEqualTo("Wave Staff");
            assertThat(closure.get("lastAnswer").get("body").asText()).isEqualTo(ANSWER);
        }
        for (String follower : followers) {
            JsonNode solved = call(follower, "GET", "/api/tickets/solved", null).json();
            assertThat(solved).extracting(s -> s.get("ticketId").asLong()).containsExactly(incident);
        }
        assertThat(closedWithTheIncident(incident)).isEqualTo(REPORTS - 1);
    }

    /** Each report from its own student's session, eight at a time. */
    private List<Report> reportAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Report>> filed = new ArrayList<>();
            for (int i = 0; i < REPORTS; i++) {
                int n = i;
                filed.add(pool.submit(() -> {
                    String cookie = GatewayClient.signIn(gateway, "Wave Student " + n, "STUDENT");
                    GatewayClient.Answer r = retried(cookie, "/api/tickets", Map.of("title",
                            "Eduroam down in the library", "description", "No eduroam on floor " + (n % 4)
                                    + " of the library since 8 o'clock.", "location", "Library"));
                    assertThat(r.status()).as(r.body()).isIn(200, 201);
                    return new Report(cookie, r.json().get("id").asLong());
                }));
            }
            List<Report> reports = new ArrayList<>();
            for (Future<Report> f : filed) {
                reports.add(f.get());
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /** From the database itself: linked tickets closed with a history entry naming the incident. */
    private static int closedWithTheIncident(long incident) throws Exception {
        try (Connection c = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             PreparedStatement ps = c.prepareStatement("""
                     SELECT count(*) FROM tickets t
                     WHERE t.incident_id = ? AND t.status = 'CLOSED'
                       AND EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'STATUS_CHANGED'
                                   AND e.status = 'CLOSED' AND e.incident_id = ?
                                   AND e.changes @> jsonb_build_array(jsonb_build_object('field', 'incident',
                                                                                         'to', ?::text)))""")) {
            ps.setLong(1, incident);
            ps.setLong(2, incident);
            ps.setString(3, String.valueOf(incident));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * A POST as the UI sends it, with an Idempotency-Key, tried again while the gateway answers 504 (the desk keeps
     * the text; on a busy machine the first requests of a cold service can take longer than the gateway waits), so
     * a slow answer never files or posts twice.
     */
    private GatewayClient.Answer retried(String cookie, String path, Object body) {
        Map<String, String> headers = Map.of("Cookie", cookie, "Idempotency-Key", UUID.randomUUID().toString());
        GatewayClient.Answer answer = null;
        for (int attempt = 0; attempt < 5 && (answer == null || answer.status() == 504); attempt++) {
            answer = GatewayClient.send(gateway.resolve(path), "POST", body, headers);
        }
        return answer;
    }

    private GatewayClient.Answer call(String cookie, String method, String path, Object body) {
        return GatewayClient.send(gateway.resolve(path), method, body, Map.of("Cookie", cookie));
    }
}
