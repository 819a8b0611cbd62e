package campus.helpdesk.system.faults;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.Signals;
import campus.helpdesk.system.trust.GatewayClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accidents of a real server, on a desk run the way {@code ./helpdesk up} runs it (supervised): processes
 * killed with SIGKILL under load, PostgreSQL killed under load, conflicting writes, a hung service. Bounded in
 * time; every figure is printed and collected in {@code target/reliability.md} (RELIABILITY.md quotes a run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final long TRAFFIC_MS = Long.getLong("helpdesk.faults.seconds", 60) * 1000;
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final List<String> REPORT = new ArrayList<>();
    private static SupervisedDesk desk;
    private static String staff;

    @BeforeAll
    static void startASupervisedDesk() throws Exception {
        desk = SupervisedDesk.start(Path.of(System.getProperty("helpdesk.projectRoot", "..")).toAbsolutePath()
                .normalize());
        staff = desk.signIn("Fault Suite Staff", "STAFF");
    }

    @AfterAll
    static void stopAndReport() throws Exception {
        if (desk != null) {
            desk.close();
        }
        String report = "| fault | figures |\n| --- | --- |\n" + String.join("\n", REPORT) + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target", "reliability.md"), report);
    }

    @Test
    @Order(1)
    void sixteenClientsThroughTwoKillsOfTicketServiceLoseAndDuplicateNothing() throws Exception {
        KeyedTraffic traffic = new KeyedTraffic(desk.gateway, "kill");
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                traffic.run(16, TRAFFIC_MS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Long> backMs = new ArrayList<>();
        for (int kill = 0; kill < 2; kill++) {
            Thread.sleep(TRAFFIC_MS / 4);
            long pid = desk.suite.pid(Service.TICKET_SERVICE);
            SupervisedDesk.kill9(pid);
            backMs.add(SupervisedDesk.await(BOUND, () -> desk.suite.pid(Service.TICKET_SERVICE) != pid
                    && desk.healthy(Service.TICKET_SERVICE)));
            // The clients must still be sending as it comes back, or the run says nothing about a recovery under load.
            assertThat(running).as("traffic still running after kill %d's recovery", kill + 1).isNotDone();
        }
        running.get();

        List<KeyedTraffic.Acknowledged> acknowledged = traffic.acknowledged();
        Map<String, Long> perKey = ticketsByKey("kill-client-%");
        int lost = 0;
        for (KeyedTraffic.Acknowledged ack : acknowledged) {
            if (!Long.valueOf(ack.ticketId()).equals(perKey.get(ack.reporter() + "/" + ack.key()))) {
                lost++;
            }
        }
        long tickets = count("SELECT count(*) FROM tickets WHERE title LIKE 'kill ticket %'");
        long duplicated = tickets - acknowledged.size();
        REPORT.add(String.format("| 16 clients, %d s, ticket-service kill -9 twice | %d creates acknowledged, %d "
                        + "lost, %d duplicated; back by itself in %s ms; statuses %s, %d unanswered requests |",
                TRAFFIC_MS / 1000, acknowledged.size(), lost, duplicated, backMs, traffic.statuses(),
                traffic.unreachable()));
        assertThat(lost).as("acknowledged creates lost").isZero();
        assertThat(duplicated).as("tickets without an acknowledged key of their own").isZero();
        assertThat(acknowledged).hasSizeGreaterThan(16);
        assertThat(backMs).hasSize(2);
        assertAnalyticsEqualSql();
    }

    @Test
    @Order(2)
    void twoHundredConflictingMovesAndEditsHaveExactlyOneWinnerEach() throws Exception {
        String student = desk.signIn("Conflict Student", "STUDENT");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(create(student, "conflict ticket " + i));
        }
        List<Callable<Integer>> requests = new ArrayList<>();
        for (long id : ids) {
            for (int i = 0; i < 5; i++) {
                requests.add(() -> GatewayClient.send(desk.gateway.resolve("/api/tickets/" + id + "/status"), "POST",
                        Map.of("status", "ACTIVE", "version", 1), Map.of("Cookie", staff)).status());
                requests.add(() -> GatewayClient.send(desk.gateway.resolve("/api/tickets/" + id), "PATCH",
                        Map.of("priority", "HIGH"), Map.of("Cookie", student, "If-Match", "1")).status());
            }
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (Future<Integer> answer : pool.invokeAll(requests)) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
        }
        REPORT.add("| 200 concurrent conflicting status moves and edits on 20 tickets | statuses " + statuses + " |");
        assertThat(statuses.getOrDefault(200, 0)).as("one winner per ticket").isEqualTo(ids.size());
        assertThat(statuses.keySet()).as("the losers got 409 or 412, nothing else").isSubsetOf(200, 409, 412);
        for (long id : ids) {
            assertThat(count("SELECT count(*) FROM ticket_event WHERE ticket_id = " + id))
                    .as("history of %d: created + the one winner", id).isEqualTo(2);
            assertThat(count("SELECT version FROM tickets WHERE id = " + id)).isEqualTo(2);
        }
    }

    @Test
    @Order(3)
    void eachAnalyticsServiceKilledComesBackByItselfWithTheSameAnswers() throws Exception {
        for (Service service : List.of(Service.OPEN_PERIOD, Service.RESOLUTION_TIME, Service.CATEGORY)) {
            String path = switch (service) {
                case OPEN_PERIOD -> "/api/analytics/open-period?hours=8760";
                case RESOLUTION_TIME -> "/api/analytics/resolution-time";
                default -> "/api/analytics/active-by-category";
            };
            JsonNode before = withoutFreshness(fresh(path));
            long pid = desk.suite.pid(service);
            SupervisedDesk.kill9(pid);
            long back = SupervisedDesk.await(BOUND, () -> desk.suite.pid(service) != pid && desk.healthy(service));
            JsonNode after = withoutFreshness(fresh(path));
            REPORT.add("| " + service.module() + " kill -9 | back by itself in " + back + " ms, answer "
                    + (before.equals(after) ? "the same" : "DIFFERENT") + " |");
            assertThat(after).as(service.module()).isEqualTo(before);
        }
    }

    @Test
    @Order(4)
    void postgresqlKilledUnderLoadLosesNoAcknowledgedCreateAndTheDeskRecoversByItself() throws Exception {
        KeyedTraffic traffic = new KeyedTraffic(desk.gateway, "pgkill");
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                traffic.run(8, TRAFFIC_MS / 2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(TRAFFIC_MS / 6);
        long pid = desk.database.pid();
        SupervisedDesk.kill9(pid);
        String student = desk.signIn("Recovery Probe", "STUDENT");
        long recovered = SupervisedDesk.await(BOUND, () -> {
            GatewayClient.Answer answer = GatewayClient.send(desk.gateway.resolve("/api/tickets?size=1"), "GET",
                    null, Map.of("Cookie", student));
            return answer.status() == 200;
        });
        assertThat(running).as("traffic still running after PostgreSQL's recovery").isNotDone();
        running.get();

        Map<String, Long> perKey = ticketsByKey("pgkill-client-%");
        long lost = traffic.acknowledged().stream()
                .filter(a -> !Long.valueOf(a.ticketId()).equals(perKey.get(a.reporter() + "/" + a.key()))).count();
        long duplicated = count("SELECT count(*) FROM tickets WHERE title LIKE 'pgkill ticket %'")
                - traffic.acknowledged().size();
        REPORT.add(String.format("| 8 clients, %d s, PostgreSQL kill -9 | %d creates acknowledged, %d lost, %d "
                        + "duplicated; PostgreSQL back and the desk answering again %d ms after the kill; statuses %s |",
                TRAFFIC_MS / 2000, traffic.acknowledged().size(), lost, duplicated, recovered, traffic.statuses()));
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(desk.supervisor.restarts("postgresql")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aHungTicketServiceGetsAQuickProblemFromTheGatewayAndServesAgainAfter() throws Exception {
        String student = desk.signIn("Hang Probe", "STUDENT");
        long pid = desk.suite.pid(Service.TICKET_SERVICE);
        // A page open meanwhile: its stream to the gateway stays up, and must not go on saying "Live".
        LiveStream page = LiveStream.open(desk.gateway, student);
        SupervisedDesk.await(BOUND, () -> Boolean.TRUE.equals(page.following()));
        // The supervisor would replace a hung process after a few seconds; here the hang itself is the fault.
        desk.supervisor.pause(Service.TICKET_SERVICE.module());
        Signals.send("STOP", pid);
        long stopped = System.nanoTime();
        long toldDelayedMs;
        List<Long> answeredMs = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        try {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                GatewayClient.Answer answer = GatewayClient.send(desk.gateway.resolve("/api/tickets?size=1"), "GET",
                        null, Map.of("Cookie", student));
                answeredMs.add((System.nanoTime() - started) / 1_000_000);
                statuses.merge(answer.status(), 1, Integer::sum);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
            SupervisedDesk.await(Duration.ofSeconds(30), () -> Boolean.FALSE.equals(page.following()));
            toldDelayedMs = (page.lastFeedEventAt() - stopped) / 1_000_000;
        } finally {
            Signals.send("CONT", pid);
            desk.supervisor.resume(Service.TICKET_SERVICE.module());
        }
        long recovered = SupervisedDesk.await(BOUND, () -> GatewayClient.send(
                desk.gateway.resolve("/api/tickets?size=1"), "GET", null, Map.of("Cookie", student)).status() == 200);
        long liveAgain = SupervisedDesk.await(BOUND, () -> Boolean.TRUE.equals(page.following()));
        page.close();
        REPORT.add("| ticket-service hung (SIGSTOP), 5 requests through the gateway | answered " + statuses + " in "
                + answeredMs + " ms; an open page told its updates are delayed " + toldDelayedMs + " ms after "
                + "SIGSTOP; serving again " + recovered + " ms after SIGCONT, the page live again " + liveAgain
                + " ms after that |");
        assertThat(statuses.keySet()).isSubsetOf(503, 504);
        assertThat(desk.suite.pid(Service.TICKET_SERVICE)).as("the same process, not a restart").isEqualTo(pid);
    }

    @Test
    @Order(6)
    void aSignOutOutlastsTheGatewaysCrashAndRestart() throws Exception {
        String signedOut = desk.signIn("Signed Out Student", "STUDENT");
        String stillIn = desk.signIn("Still In Student", "STUDENT");
        Map<String, String> fromOurPage = Map.of("Cookie", signedOut, "Origin", desk.gateway.toString()
                .replaceAll("/$", ""));
        assertThat(GatewayClient.send(desk.gateway.resolve("/api/session"), "DELETE", null, fromOurPage).status())
                .isIn(200, 204);
        long recorded = SupervisedDesk.await(BOUND, () -> endedSessions() == 1);
        long pid = desk.suite.pid(Service.GATEWAY);
        SupervisedDesk.kill9(pid);
        long back = SupervisedDesk.await(BOUND, () -> desk.suite.pid(Service.GATEWAY) != pid
                && desk.healthy(Service.GATEWAY));
        String afterRestart = GatewayClient.send(desk.gateway.resolve("/api/session"), "GET", null,
                Map.of("Cookie", signedOut)).body();
        int write = GatewayClient.send(desk.gateway.resolve("/api/tickets"), "POST", Map.of("title",
                "Written with a signed-out cookie", "description", "Must not be filed", "location", "Nowhere"),
                Map.of("Cookie", signedOut, "Origin", desk.gateway.toString().replaceAll("/$", ""))).status();
        String other = GatewayClient.send(desk.gateway.resolve("/api/session"), "GET", null,
                Map.of("Cookie", stillIn)).body();
        REPORT.add("| gateway kill -9 after a sign-out | recorded in ticket-service in " + recorded
                + " ms; gateway back in " + back + " ms; the signed-out cookie: " + afterRestart
                + ", a write with it " + write + " |");
        assertThat(afterRestart).contains("\"signedIn\":false");
        assertThat(write).isEqualTo(401);
        assertThat(other).as("a session nobody signed out").contains("\"signedIn\":true");
    }

    private static int endedSessions() {
        try (java.sql.Connection c = desk.sql(); java.sql.ResultSet rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM ended_sessions WHERE expires_at > now()")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- checks ---

    /** Every acknowledged key's ticket, by "reporter/key", as the database has it. */
    private static Map<String, Long> ticketsByKey(String reporters) throws Exception {
        Map<String, Long> byKey = new HashMap<>();
        try (Connection c = desk.sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT reporter, key, ticket_id FROM idempotency_key WHERE reporter LIKE ?")) {
            ps.setString(1, reporters);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byKey.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return byKey;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = desk.sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The category answer equals the same question in SQL, once the read model has caught up. */
    private static void assertAnalyticsEqualSql() throws Exception {
        SupervisedDesk.await(BOUND, () -> {
            try {
                JsonNode answer = fresh("/api/analytics/active-by-category");
                return answer.get("total").asLong() == count(
                        "SELECT count(*) FROM tickets WHERE status = 'ACTIVE' AND deleted_at IS NULL")
                        && answer.get("openTotal").asLong() == count(
                        "SELECT count(*) FROM tickets WHERE status = 'OPEN' AND deleted_at IS NULL");
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static JsonNode fresh(String path) throws InterruptedException {
        JsonNode[] answer = new JsonNode[1];
        SupervisedDesk.await(BOUND, () -> {
            GatewayClient.Answer a = GatewayClient.send(desk.gateway.resolve(path), "GET", null,
                    Map.of("Cookie", staff));
            answer[0] = a.status() == 200 ? a.json() : null;
            return answer[0] != null && !answer[0].get("stale").asBoolean();
        });
        return answer[0];
    }

    private static JsonNode withoutFreshness(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("asOf", "lagMs", "stale", "from", "to"));
        return copy;
    }

    private static long create(String cookie, String title) {
        GatewayClient.Answer created = GatewayClient.send(desk.gateway.resolve("/api/tickets"), "POST",
                Map.of("title", title, "description", "Filed by the fault suite"), Map.of("Cookie", cookie));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
