package campus.helpdesk.ticket.intake;

import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import campus.helpdesk.tokens.WebhookSignature;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class IntakeTest extends ApiTest {

    /** What the gateway mints for a delivery: no person, the role that may only knock at the intake. */
    private static final Api.As INTAKE = new Api.As(ServiceRoles.INTAKE, "anyone");
    private static final String BODY = "{\"title\":\"Boiler 3 pressure low\",\"description\":\"BMS alarm 4711: "
            + "heating circuit B below 0.8 bar\",\"location\":\"Building C\",\"priority\":\"HIGH\","
            + "\"externalRef\":\"alarm-4711\"}";

    private String secret;

    @BeforeAll
    void anIntegration() {
        Api.Answer created = api.post(STAFF, "/api/integrations", Map.of("name", "bms"));
        assertThat(created.status).as(created.toString()).isEqualTo(201);
        secret = String.valueOf(created.map().get("secret"));
    }

    private Api.Answer deliver(String integration, String body, String signature, String deliveryId) {
        Map<String, String> headers = new HashMap<>();
        if (signature != null) {
            headers.put(WebhookSignature.HEADER, signature);
        }
        if (deliveryId != null) {
            headers.put("X-Delivery-Id", deliveryId);
        }
        return api.send(INTAKE, "POST", "/api/intake/" + integration, body, headers);
    }

    private String sign(String key, String body) {
        return WebhookSignature.sign(key, body.getBytes(StandardCharsets.UTF_8));
    }

    private long tickets() throws Exception {
        try (Connection c = sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM tickets")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSignedDeliveryOpensATicketReportedByTheIntegration() throws Exception {
        Api.Answer answer = deliver("bms", BODY, sign(secret, BODY), "d-opens");
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
        assertThat(answer.map()).containsEntry("title", "Boiler 3 pressure low").containsEntry("reporterName", "bms")
                .containsEntry("priority", "HIGH").containsKey("category");
        Object id = answer.map().get("id");
        assertThat(answer.header("Location")).isEqualTo("/api/tickets/" + id);
        assertThat(api.get(STAFF, "/api/tickets/" + id).status).isEqualTo(200);
        try (Connection c = sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT external_ref FROM intake_delivery WHERE integration = 'bms' AND delivery_id = 'd-opens'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("alarm-4711");
        }
    }

    @Test
    void everyWrongSignatureIsTheSame401AndOpensNothing() throws Exception {
        long before = tickets();
        String tampered = BODY.replace("Boiler 3", "Boiler 4");
        String revokedSecret = String.valueOf(api.post(STAFF, "/api/integrations", Map.of("name", "gone"))
                .map().get("secret"));
        assertThat(api.delete(STAFF, "/api/integrations/gone").status).isEqualTo(200);
        List<Api.Answer> refused = List.of(
                deliver("bms", tampered, sign(secret, BODY), "d-1"),
                deliver("bms", BODY, sign("hds_not-the-secret", BODY), "d-2"),
                deliver("bms", BODY, null, "d-3"),
                deliver("bms", BODY, "sha256=", "d-4"),
                deliver("gone", BODY, sign(revokedSecret, BODY), "d-5"),
                deliver("never-made", BODY, sign(secret, BODY), "d-6"),
                deliver("BMS", BODY, sign(secret, BODY), "d-7"));
        String detail = null;
        for (Api.Answer answer : refused) {
            assertProblem(answer, 401, "not signed by a live integration");
            detail = detail == null ? String.valueOf(answer.map().get("detail")) : detail;
            assertThat(answer.map().get("detail")).isEqualTo(detail);
        }
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aSignedDeliveryWithoutADeliveryIdIs400() throws Exception {
        long before = tickets();
        assertProblem(deliver("bms", BODY, sign(secret, BODY), null), 400, "X-Delivery-Id");
        assertProblem(deliver("bms", BODY, sign(secret, BODY), "x".repeat(201)), 400, "X-Delivery-Id");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aSignedBadBodyGetsTheCreatesOwn400s() throws Exception {
        long before = tickets();
        for (String body : new String[] {"{\"title\":\"\",\"description\":\"x\"}", "{\"title\":",
                "[1,2]", "null", "{\"title\":\"t\",\"description\":\"d\",\"priority\":\"URGENT\"}",
                "{\"title\":\"t\",\"description\":\"d\",\"externalRef\":\"" + "r".repeat(201) + "\"}",
                "{\"title\":\"t\",\"description\":\"d\",\"externalRef\":[1]}",
                "{\"title\":\"t\",\"description\":\"d\",\"externalRef\":\"a\\ud800b\"}",
                // What the lenient reader coerced: the same refusals as at POST /api/tickets.
                "{\"title\":\"t\",\"description\":\"d\",\"priority\":[\"HIGH\"]}",
                "{\"title\":123,\"description\":\"d\"}", "{\"title\":\"a\\ud800b\",\"description\":\"d\"}",
                "{\"title\":\"t\",\"title\":\"u\",\"description\":\"d\"}", "{\"title\":\"t\",\"description\":\"d\"} {}"}) {
            Api.Answer answer = deliver("bms", body, sign(secret, body), "bad-" + body.hashCode());
            assertThat(answer.status).as(body + " -> " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertProblem(deliver("bms", "{\"title\":\"\",\"description\":\"x\"}",
                sign(secret, "{\"title\":\"\",\"description\":\"x\"}"), "bad-title"), 400, "title");
        String urgent = "{\"title\":\"t\",\"description\":\"d\",\"priority\":\"URGENT\"}";
        Api.Answer refused = deliver("bms", urgent, sign(secret, urgent), "bad-priority");
        assertProblem(refused, 400, "priority: Expected one of [HIGH, MEDIUM, LOW] but was 'URGENT'");
        assertThat(refused.map().get("field")).as(refused.toString()).isEqualTo("priority");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aRepeatedDeliveryReturnsTheFirstTicket() {
        Api.Answer first = deliver("bms", BODY, sign(secret, BODY), "d-repeat");
        Api.Answer again = deliver("bms", BODY, sign(secret, BODY), "d-repeat");
        assertThat(first.status).isEqualTo(201);
        assertThat(again.status).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.map().get("id")).isEqualTo(first.map().get("id"));
        String other = BODY.replace("HIGH", "LOW");
        // The delivery id is what the integration sends, so the refusal names it, not the users' Idempotency-Key.
        Api.Answer reused = deliver("bms", other, sign(secret, other), "d-repeat");
        assertProblem(reused, 422, "This X-Delivery-Id was already used with a different body");
        assertThat(reused.map().get("field")).isEqualTo("X-Delivery-Id");
        // Another external reference is another body: replayed, the new reference was dropped without a word.
        String otherReference = BODY.replace("alarm-4711", "alarm-4712");
        assertProblem(deliver("bms", otherReference, sign(secret, otherReference), "d-repeat"), 422,
                "already used with a different body");
    }

    @Test
    void aDeliveryRetriedAfterStaffClosedItsTicketGetsThatTicket() {
        Api.Answer first = deliver("bms", BODY, sign(secret, BODY), "d-closed");
        assertThat(first.status).as(first.toString()).isEqualTo(201);
        long id = ((Number) first.map().get("id")).longValue();
        move(id, TicketStatus.ACTIVE);
        move(id, TicketStatus.CLOSED);

        Api.Answer again = deliver("bms", BODY, sign(secret, BODY), "d-closed");
        assertThat(again.status).as("a campus system is no student: its retry is answered, not a 404 " + again)
                .isEqualTo(200);
        assertThat(((Number) again.map().get("id")).longValue()).isEqualTo(id);
        assertThat(again.map().get("status")).isEqualTo("CLOSED");
    }

    @Test
    void twoIdenticalDeliveriesAtOnceMakeOneTicket() throws Exception {
        long before = tickets();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            Callable<Api.Answer> one = () -> deliver("bms", BODY, sign(secret, BODY), "d-concurrent");
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(one));
            }
            List<Object> ids = new ArrayList<>();
            int created = 0;
            for (Future<Api.Answer> f : answers) {
                Api.Answer a = f.get();
                assertThat(a.status).as(a.toString()).isIn(200, 201);
                created += a.status == 201 ? 1 : 0;
                ids.add(a.map().get("id"));
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).containsOnly(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(tickets()).isEqualTo(before + 1);
    }

    @Test
    void onlyTheIntakeRoleDeliversAndOnlyStaffManageIntegrations() {
        assertProblem(api.send(STUDENT, "POST", "/api/intake/bms", BODY,
                Map.of(WebhookSignature.HEADER, sign(secret, BODY), "X-Delivery-Id", "d-student")), 403, "");
        assertProblem(api.get(STUDENT, "/api/integrations"), 403, "may not use");
        assertProblem(api.post(STUDENT, "/api/integrations", Map.of("name", "x")), 403, "may not use");
        assertProblem(api.get(INTAKE, "/api/integrations"), 403, "may not use");
    }

    @Test
    void staffListIntegrationsWithoutSecretsAndNamesAreSlugs() {
        Api.Answer list = api.get(STAFF, "/api/integrations");
        assertThat(list.raw.body()).contains("\"bms\"").contains("/api/intake/bms").doesNotContain(secret);
        assertThat(secret).startsWith("hds_");
        assertProblem(api.post(STAFF, "/api/integrations", Map.of("name", "Has Space")), 400, "name");
        assertProblem(api.post(STAFF, "/api/integrations", Map.of("name", "bms")), 409, "bms");
        assertProblem(api.delete(STAFF, "/api/integrations/never-made"), 404, "never-made");
    }
}
