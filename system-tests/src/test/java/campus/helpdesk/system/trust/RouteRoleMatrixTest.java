package campus.helpdesk.system.trust;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.system.attachments.TestPhotos;
import campus.helpdesk.tokens.WebhookSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static campus.helpdesk.system.trust.GatewayRoute.DASHBOARD;
import static campus.helpdesk.system.trust.GatewayRoute.EVERYONE;
import static campus.helpdesk.system.trust.GatewayRoute.PEOPLE;
import static campus.helpdesk.system.trust.GatewayRoute.READERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route people can call at the gateway × every kind of caller, through the real processes: sessions of the
 * three roles, API tokens (good, revoked, expired), forged identity headers and a foreign page. Each cell must get
 * exactly what {@link GatewayRoute#expectedFor} says, and a refusal must be problem+json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteRoleMatrixTest {

    static final List<GatewayRoute> ROUTES = List.of(
            GatewayRoute.of("GET", "/api/tickets", READERS, 200),
            GatewayRoute.of("GET", "/api/tickets/counts", READERS, 200),
            GatewayRoute.of("POST", "/api/tickets", PEOPLE, 201),
            GatewayRoute.of("GET", "/api/tickets/{ticket}", READERS, 200),
            GatewayRoute.of("PATCH", "/api/tickets/{ticket}", PEOPLE, 200),
            GatewayRoute.of("POST", "/api/tickets/{ticket}/status", java.util.Set.of("STAFF"), 200),
            GatewayRoute.of("POST", "/api/tickets/{active}/assignee", java.util.Set.of("STAFF"), 200),
            GatewayRoute.of("POST", "/api/tickets/{ticket}/read", PEOPLE, 204),
            // The reporter (the student's session filed it) acknowledges their closed ticket; staff may mark any.
            GatewayRoute.of("POST", "/api/tickets/{closed}/read", PEOPLE, 204),
            // How a closed ticket ended: its reporter, staff and analysts; the list of one's solved tickets is for
            // people who report (analysts get ticket-service's 403).
            GatewayRoute.of("GET", "/api/tickets/{closed}/closure", READERS, 200),
            GatewayRoute.of("GET", "/api/tickets/solved", PEOPLE, 200),
            GatewayRoute.of("GET", "/api/tickets/solved?recent=true", PEOPLE, 200),
            // Email notifications: whether they are on, for the report form (analysts get ticket-service's 403); a
            // ticket's notification address and mails, staff only (it is personal).
            GatewayRoute.of("GET", "/api/tickets/notifications", PEOPLE, 200),
            GatewayRoute.of("GET", "/api/tickets/{ticket}/notifications", java.util.Set.of("STAFF"), 200),
            // A staff member's own mail setting: staff, from a session only (a token must not redirect their mail).
            GatewayRoute.sessionOnly("GET", "/api/tickets/notifications/me", java.util.Set.of("STAFF"), 200),
            GatewayRoute.sessionOnly("PUT", "/api/tickets/notifications/me", java.util.Set.of("STAFF"), 200),
            GatewayRoute.of("GET", "/api/tickets?assignee=none&sla=AT_RISK,BREACHED&sort=due",
                    java.util.Set.of("STAFF", "ANALYST"), 200),
            // Analysts are nobody's assignee: ticket-service refuses them "me", as it refuses students any assignee.
            GatewayRoute.of("GET", "/api/tickets?assignee=me", java.util.Set.of("STAFF"), 200),
            GatewayRoute.of("GET", "/api/tickets?status=CLOSED&assignee=Matrix%20Staff", java.util.Set.of("STAFF",
                    "ANALYST"), 200),
            GatewayRoute.of("GET", "/api/tickets?reporter=me&sla=BREACHED", READERS, 200),
            GatewayRoute.of("GET", "/api/tickets/counts?status=OPEN&reporter=me&sla=AT_RISK", READERS, 200),
            // One person's tickets by name (a ticket page's "their tickets"): staff and analysts, not fellow students.
            GatewayRoute.of("GET", "/api/tickets?status=CLOSED&reporter=Matrix%20Reporter", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/tickets/counts?reporter=Matrix%20Reporter", DASHBOARD, 200),
            GatewayRoute.of("DELETE", "/api/tickets/{ticket}", java.util.Set.of("STAFF"), 204),
            // "This is my problem too" on a ticket someone else reported: people join; analysts change nothing.
            GatewayRoute.of("POST", "/api/tickets/{reported}/followers", PEOPLE, 204),
            // Linking tickets to an incident and unlinking them: staff only (students get ticket-service's 403).
            GatewayRoute.of("POST", "/api/tickets/{ticket}/links", java.util.Set.of("STAFF"), 200),
            GatewayRoute.of("DELETE", "/api/tickets/{incident}/links/{child}", java.util.Set.of("STAFF"), 204),
            GatewayRoute.of("GET", "/api/tickets/{ticket}/messages", READERS, 200),
            GatewayRoute.of("POST", "/api/tickets/{ticket}/messages", PEOPLE, 201),
            GatewayRoute.of("GET", "/api/tickets/{ticket}/history", READERS, 200),
            GatewayRoute.of("GET", "/api/tickets/{ticket}/attachments", READERS, 200),
            // Analysts read files, never add them (ticket-service's 403 through the route's read-roles).
            GatewayRoute.of("POST", "/api/tickets/{ticket}/attachments", PEOPLE, 201),
            GatewayRoute.of("GET", "/api/attachments/{attachment}", READERS, 200),
            GatewayRoute.of("GET", "/api/attachments/{attachment}?thumbnail=true", READERS, 200),
            GatewayRoute.of("POST", "/api/tickets/classify", PEOPLE, 200),
            // Similar open tickets while a report is typed: for people who file tickets (analysts get ticket-service's
            // 403 through the route's read-roles).
            GatewayRoute.of("GET", "/api/tickets/similar?text=eduroam%20down%20in%20the%20library&location=Library",
                    PEOPLE, 200),
            GatewayRoute.of("GET", "/api/analytics/open-period?hours=24", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/resolution-time", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/resolution-time?format=csv", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/active-by-category", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/active-by-category?by=priority&format=csv", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/first-response?priority=HIGH", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/sla", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/sla?format=csv", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/volume?days=14", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/workload", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/workload?incidents=collapse", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/open-period?days=7&incidents=collapse", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/incidents?days=30", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/analytics/incidents?hours=24&format=csv", DASHBOARD, 200),
            GatewayRoute.of("GET", "/api/live", EVERYONE, 200),
            // The About page's list: names and health for anyone, signed in or not (ServicesControllerTest says what
            // a session adds); only a foreign page is still refused at the gateway.
            GatewayRoute.forAnyone("GET", "/api/services", 200),
            GatewayRoute.sessionOnly("GET", "/api/tokens", java.util.Set.of("STAFF"), 200),
            GatewayRoute.sessionOnly("POST", "/api/tokens", java.util.Set.of("STAFF"), 201),
            GatewayRoute.sessionOnly("DELETE", "/api/tokens/{token}", java.util.Set.of("STAFF"), 200),
            // Routed with /api/tokens, but only the gateway itself may verify: staff get ticket-service's 403.
            GatewayRoute.sessionOnly("POST", "/api/tokens/verify", java.util.Set.of("STAFF"), 403),
            GatewayRoute.sessionOnly("GET", "/api/integrations", java.util.Set.of("STAFF"), 200),
            GatewayRoute.sessionOnly("POST", "/api/integrations", java.util.Set.of("STAFF"), 201),
            GatewayRoute.sessionOnly("DELETE", "/api/integrations/{integration}", java.util.Set.of("STAFF"), 200),
            // The webhook intake: whoever calls, a body signed with a live integration's secret opens a ticket and
            // anything else is the same 401; sessions and tokens beside it change nothing.
            GatewayRoute.forAnyone("POST", "/api/intake/{signed}", 201),
            GatewayRoute.forAnyone("POST", "/api/intake/matrix-hook", 401),
            GatewayRoute.notExposed("GET", "/api/changes"),
            GatewayRoute.notExposed("GET", "/api/changes/snapshot"),
            // The gateway's record of sign-outs lives in ticket-service for the gateway itself, never routed to.
            GatewayRoute.notExposed("GET", "/api/sessions/ended"),
            GatewayRoute.notExposed("POST", "/api/sessions/ended"),
            GatewayRoute.of("GET", "/api/classifier", java.util.Set.of("STAFF"), 200),
            // Judged on the stored corrections: applied, refused as lowering the accuracy, or too few to judge.
            GatewayRoute.judged("POST", "/api/classifier/retrain", java.util.Set.of("STAFF"), 200,
                    java.util.Set.of(409, 422)),
            GatewayRoute.notExposed("GET", "/api/admin/demo-data"),
            // The gateway's metrics: staff and analysts (a Prometheus server scrapes with one of their API tokens).
            GatewayRoute.of("GET", "/prometheus", DASHBOARD, 200),
            // The OpenAPI documents, the gateway's own and each service's through it: anyone reads them.
            GatewayRoute.forAnyone("GET", "/swagger/campus-helpdesk-gateway-0.1.yml", 200),
            GatewayRoute.forAnyone("GET", "/swagger/ticket-service-0.1.yml", 200),
            GatewayRoute.forAnyone("GET", "/swagger/analytics-open-period-0.1.0.yml", 200),
            GatewayRoute.forAnyone("GET", "/swagger/analytics-resolution-time-0.1.0.yml", 200),
            GatewayRoute.forAnyone("GET", "/swagger/analytics-category-0.1.0.yml", 200),
            GatewayRoute.forAnyone("GET", "/swagger/ticket-service-9.9.yml", 404));

    private static final String INTEGRATION = "matrix-hook";
    private URI gateway;
    private String integrationSecret;
    private String studentCookie;
    private String staffCookie;
    private String reporterCookie;
    private final Map<Caller, Map<String, String>> headers = new EnumMap<>(Caller.class);
    private final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    void callers() throws Exception {
        gateway = SharedSuite.uri(Service.GATEWAY);
        studentCookie = GatewayClient.signIn(gateway, "Matrix Student", "STUDENT");
        staffCookie = GatewayClient.signIn(gateway, "Matrix Staff", "STAFF");
        reporterCookie = GatewayClient.signIn(gateway, "Matrix Reporter", "STUDENT");
        GatewayClient.Answer integration = call("POST", "/api/integrations", Map.of("name", INTEGRATION),
                Map.of("Cookie", staffCookie));
        assertThat(integration.status()).as(integration.body()).isEqualTo(201);
        integrationSecret = integration.json().get("secret").asText();
        headers.put(Caller.NO_SESSION, Map.of());
        headers.put(Caller.STUDENT, Map.of("Cookie", studentCookie));
        headers.put(Caller.STAFF, Map.of("Cookie", staffCookie));
        headers.put(Caller.ANALYST, Map.of("Cookie", GatewayClient.signIn(gateway, "Matrix Analyst", "ANALYST")));
        headers.put(Caller.ANALYST_TOKEN, bearer(issue("ANALYST")));
        headers.put(Caller.STAFF_TOKEN, bearer(issue("STAFF")));
        String revoked = issue("STAFF");
        headers.put(Caller.REVOKED_TOKEN, bearer(revoked));
        String expired = issue("STAFF");
        headers.put(Caller.EXPIRED_TOKEN, bearer(expired));
        headers.put(Caller.FORGED_IDENTITY_HEADERS, Map.of("X-Helpdesk-Role", "STAFF", "X-Helpdesk-User", "Mallory"));
        headers.put(Caller.FOREIGN_ORIGIN, Map.of("Cookie", staffCookie, "Origin", "http://evil.example"));

        // Both worked a moment ago; now one is revoked at the gateway's API and the other expires.
        for (String token : List.of(revoked, expired)) {
            assertThat(call("GET", "/api/analytics/active-by-category", null, bearer(token)).status()).isEqualTo(200);
        }
        assertThat(call("DELETE", "/api/tokens/" + lastIssued.get(revoked), null, Map.of("Cookie", staffCookie))
                .status()).isEqualTo(200);
        try (Connection c = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             PreparedStatement s = c.prepareStatement(
                     "UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE name = ?")) {
            s.setString(1, lastIssued.get(expired));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheRulesSay() {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int cells = 0;
        for (GatewayRoute route : ROUTES) {
            for (Caller caller : Caller.values()) {
                int expected = route.expectedFor(caller);
                Object body = body(route);
                GatewayClient.Answer answer = call(route.method(), concrete(route.path()), body,
                        signed(route, body, withVersion(route, headers.get(caller))));
                cells++;
                statuses.merge(answer.status(), 1, Integer::sum);
                if (!route.answers(caller, answer.status())) {
                    wrong.add(route + " as " + caller + ": expected " + expected + ", got " + answer.status() + " "
                            + answer.body());
                } else if (answer.status() >= 400 && answer.status() != 404 && !answer.contentType().startsWith(
                        "application/problem+json")) {
                    wrong.add(route + " as " + caller + ": " + expected + " without problem+json: "
                            + answer.contentType());
                }
            }
        }
        System.out.printf("Route x caller matrix: %d routes x %d callers = %d cells, statuses %s%n",
                ROUTES.size(), Caller.values().length, cells, statuses);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTokenRequestNeedsNoOriginAndIgnoresACookieBesideIt() {
        Map<String, String> staffTokenWithStudentCookie = new HashMap<>(headers.get(Caller.STAFF_TOKEN));
        staffTokenWithStudentCookie.put("Cookie", studentCookie);
        GatewayClient.Answer moved = call("POST", "/api/tickets/" + newTicket() + "/status",
                Map.of("status", "ACTIVE"), staffTokenWithStudentCookie);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("assignee").asText()).isEqualTo("Matrix Staff");
    }

    // --- how each cell is made ---

    private final Map<String, String> lastIssued = new HashMap<>();
    private static final Multipart PHOTO = Multipart.file("matrix.jpg", "image/jpeg", TestPhotos.jpeg(320, 240));

    /** A token issued by the staff session; remembers its name. */
    private String issue(String role) {
        String name = "matrix-" + role.toLowerCase() + "-" + names.incrementAndGet();
        GatewayClient.Answer r = call("POST", "/api/tokens", Map.of("name", name, "role", role, "days", 1),
                Map.of("Cookie", staffCookie));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String token = r.json().get("value").asText();
        lastIssued.put(token, name);
        return token;
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private String concrete(String path) {
        if (path.contains("{active}")) {
            long ticket = newTicket();
            GatewayClient.Answer taken = call("POST", "/api/tickets/" + ticket + "/status", Map.of("status", "ACTIVE"),
                    Map.of("Cookie", staffCookie));
            assertThat(taken.status()).as(taken.body()).isEqualTo(200);
            return path.replace("{active}", String.valueOf(ticket));
        }
        if (path.contains("{closed}")) {
            long ticket = newTicket();
            for (String status : List.of("ACTIVE", "CLOSED")) {
                GatewayClient.Answer moved = call("POST", "/api/tickets/" + ticket + "/status",
                        Map.of("status", status), Map.of("Cookie", staffCookie));
                assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            }
            return path.replace("{closed}", String.valueOf(ticket));
        }
        if (path.contains("{reported}")) {
            return path.replace("{reported}", String.valueOf(newTicket(reporterCookie)));
        }
        if (path.contains("{incident}")) {
            long incident = newTicket();
            long child = newTicket();
            GatewayClient.Answer linked = call("POST", "/api/tickets/" + incident + "/links",
                    Map.of("tickets", List.of(child)), Map.of("Cookie", staffCookie));
            assertThat(linked.status()).as(linked.body()).isEqualTo(200);
            return path.replace("{incident}", String.valueOf(incident)).replace("{child}", String.valueOf(child));
        }
        if (path.contains("{attachment}")) {
            long ticket = newTicket();
            GatewayClient.Answer uploaded = call("POST", "/api/tickets/" + ticket + "/attachments", PHOTO,
                    Map.of("Cookie", studentCookie));
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            return path.replace("{attachment}", uploaded.json().get("id").asText());
        }
        if (path.contains("{ticket}")) {
            return path.replace("{ticket}", String.valueOf(newTicket()));
        }
        if (path.contains("{signed}")) {
            return path.replace("{signed}", INTEGRATION);
        }
        if (path.contains("{integration}")) {
            String name = "matrix-gone-" + names.incrementAndGet();
            assertThat(call("POST", "/api/integrations", Map.of("name", name), Map.of("Cookie", staffCookie))
                    .status()).isEqualTo(201);
            return path.replace("{integration}", name);
        }
        if (path.contains("{token}")) {
            return path.replace("{token}", lastIssued.get(issue("ANALYST")));
        }
        return path;
    }

    /** A fresh OPEN ticket, so that every cell starts from the same state. */
    private long newTicket() {
        return newTicket(studentCookie);
    }

    private long newTicket(String cookie) {
        GatewayClient.Answer r = call("POST", "/api/tickets", Map.of("title", "Matrix ticket",
                "description", "A ticket the route matrix works on"), Map.of("Cookie", cookie));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Object body(GatewayRoute route) {
        String p = route.path();
        return switch (route.method() + " " + p) {
            case "POST /api/tickets" -> Map.of("title", "Matrix ticket", "description", "Filed by the route matrix");
            case "PATCH /api/tickets/{ticket}" -> Map.of("priority", "HIGH");
            case "POST /api/tickets/{ticket}/status" -> Map.of("status", "ACTIVE");
            case "POST /api/tickets/{active}/assignee" -> Map.of("assignee", "Matrix Colleague");
            case "POST /api/tickets/{ticket}/links" -> Map.of("tickets", List.of(newTicket()));
            case "POST /api/tickets/{ticket}/messages" -> Map.of("body", "Any news?");
            case "PUT /api/tickets/notifications/me" -> Map.of("email", "matrix@staff.campus.test", "enabled", false);
            case "POST /api/tickets/{ticket}/attachments" -> PHOTO;
            case "POST /api/tickets/classify" -> Map.of("text", "The printer in the library is jammed");
            case "POST /api/tokens" -> Map.of("name", "matrix-new-" + names.incrementAndGet(), "role", "ANALYST");
            case "POST /api/tokens/verify" -> Map.of("token", "hdt_x");
            case "POST /api/sessions/ended" -> Map.of("id", "matrix-session-id-0123456789", "expiresAt",
                    "2030-01-01T00:00:00Z");
            case "POST /api/integrations" -> Map.of("name", "matrix-new-" + names.incrementAndGet());
            case "POST /api/intake/{signed}", "POST /api/intake/matrix-hook" -> Map.of("title", "Matrix alarm",
                    "description", "Opened by the route matrix through the intake");
            default -> null;
        };
    }

    /** The intake's headers: a new delivery id each time, and for {signed} a signature of the body as sent. */
    private Map<String, String> signed(GatewayRoute route, Object body, Map<String, String> headers) {
        if (!route.path().startsWith("/api/intake/")) {
            return headers;
        }
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-Delivery-Id", "matrix-" + names.incrementAndGet());
        if (route.path().contains("{signed}")) {
            try {
                all.put(WebhookSignature.HEADER, WebhookSignature.sign(integrationSecret,
                        GatewayClient.JSON.writeValueAsBytes(body)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return all;
    }

    private static Map<String, String> withVersion(GatewayRoute route, Map<String, String> headers) {
        if (!route.method().equals("PATCH")) {
            return headers;
        }
        Map<String, String> all = new HashMap<>(headers);
        all.put("If-Match", "1");
        return all;
    }

    private GatewayClient.Answer call(String method, String path, Object body, Map<String, String> headers) {
        return GatewayClient.send(gateway.resolve(path), method, body, headers);
    }
}
