package campus.helpdesk.system.fuzz;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.tokens.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static campus.helpdesk.system.fuzz.Endpoint.bool;
import static campus.helpdesk.system.fuzz.Endpoint.enumeration;
import static campus.helpdesk.system.fuzz.Endpoint.fields;
import static campus.helpdesk.system.fuzz.Endpoint.ids;
import static campus.helpdesk.system.fuzz.Endpoint.number;
import static campus.helpdesk.system.fuzz.Endpoint.query;
import static campus.helpdesk.system.fuzz.Endpoint.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No bad input gets a 500, anywhere, as a property of the system: a corpus of more than 10,000 malformed requests,
 * generated from a seed ({@code -Dhelpdesk.fuzz.seed}), across every endpoint of every service and of the gateway,
 * in every role (gateway sessions of each role and API tokens; each internal service directly with genuine service
 * tokens), through the real processes. Every answer must be below 500, carry no stack trace or exception name,
 * and be problem+json when it is a 4xx, naming the offending input in {@code field} when a 400 answers a bad field
 * or parameter; and nothing may change in the database. The bad forms come from {@code fuzz/bad-forms.txt}.
 */
class BadInputCorpusTest {

    private static final long SEED = Long.getLong("helpdesk.fuzz.seed", 20_261_201L);
    private static final int REQUESTS = Integer.getInteger("helpdesk.fuzz.requests", 10_500);
    private static final int CONCURRENCY = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAK = Pattern.compile(
            "\\tat [\\w$.]+\\(|\\w*(Exception|Throwable)\\b|\\b(java|javax|jakarta|io\\.micronaut|io\\.netty|org\\.postgresql|"
                    + "com\\.zaxxer|campus\\.helpdesk)\\.[\\w.]+");
    private static final String NO_SUCH_TOKEN = "fuzz-no-such-token";
    /** Damage to one field or query parameter: a 400 for it must say which, in the one member every service uses. */
    private static final EnumSet<Mutation> ONE_INPUT = EnumSet.of(Mutation.TEXT, Mutation.WRONG_TYPE, Mutation.ENUM,
            Mutation.NUMBER, Mutation.MISSING, Mutation.QUERY);

    private final BadForms forms = BadForms.load();
    private final List<Long> fixedTickets = new ArrayList<>();

    record Caller(String label, URI base, Supplier<List<String[]>> credentials) {
    }

    record Planned(Caller caller, Endpoint endpoint, Mutation mutation, RawHttp.Request request) {
    }

    record Outcome(Planned planned, RawHttp.Answer answer) {
    }

    @Test
    void malformedRequestsEverywhereGetNo5xxNoStackTraceAndChangeNothing() throws Exception {
        URI gateway = SharedSuite.uri(Service.GATEWAY);
        String student = signIn(gateway, "Fuzz Student", "STUDENT");
        String staff = signIn(gateway, "Fuzz Staff", "STAFF");
        String analyst = signIn(gateway, "Fuzz Analyst", "ANALYST");
        String analystToken = issueToken(gateway, staff, "ANALYST");
        String staffToken = issueToken(gateway, staff, "STAFF");
        for (int i = 0; i < 3; i++) {
            fixedTickets.add(createTicket(gateway, student));
        }

        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("gateway, no session", gateway, List::of));
        callers.add(new Caller("gateway, student session", gateway, header("Cookie", student)));
        callers.add(new Caller("gateway, staff session", gateway, header("Cookie", staff)));
        callers.add(new Caller("gateway, analyst session", gateway, header("Cookie", analyst)));
        callers.add(new Caller("gateway, analyst API token", gateway, header("Authorization", "Bearer " + analystToken)));
        callers.add(new Caller("gateway, staff API token", gateway, header("Authorization", "Bearer " + staffToken)));
        for (String role : List.of("STUDENT", "STAFF", "FEED", "GATEWAY")) {
            callers.add(direct(Service.TICKET_SERVICE, role));
        }
        for (Service analytics : List.of(Service.OPEN_PERIOD, Service.RESOLUTION_TIME, Service.CATEGORY)) {
            callers.add(direct(analytics, "STAFF"));
            callers.add(direct(analytics, "ANALYST"));
        }

        List<Planned> plan = plan(callers);
        String before = settledState();
        long started = System.nanoTime();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        for (Planned p : plan) {
            pool.submit(() -> outcomes.add(new Outcome(p, RawHttp.send(p.caller().base(), p.request()))));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String after = state();

        List<String> wrong = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<Mutation, Integer> byMutation = new TreeMap<>();
        Map<String, Integer> wrongKinds = new TreeMap<>();
        for (Outcome o : outcomes) {
            RawHttp.Answer a = o.answer();
            statuses.computeIfAbsent(o.planned().caller().label(), k -> new TreeMap<>()).merge(a.status(), 1, Integer::sum);
            byMutation.merge(o.planned().mutation(), 1, Integer::sum);
            String problem = problem(o);
            if (problem != null) {
                wrongKinds.merge(o.planned().mutation() + " -> " + a.status(), 1, Integer::sum);
                if (wrong.size() < 30) {
                    wrong.add(problem);
                }
            }
        }
        if (!wrongKinds.isEmpty()) {
            wrong.add("in all, by mutation and status: " + wrongKinds);
        }
        System.out.printf("Bad input corpus: seed %d, %d requests (%d bad forms) in %d s, concurrency %d%n",
                SEED, outcomes.size(), forms.count(), seconds, CONCURRENCY);
        statuses.forEach((caller, counts) -> System.out.printf("  %-40s %6d  %s%n", caller,
                counts.values().stream().mapToInt(Integer::intValue).sum(), counts));
        System.out.println("  mutations: " + byMutation);
        assertThat(outcomes).hasSize(plan.size());
        assertThat(plan.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(wrong).as("answers that break the rules").isEmpty();
        assertThat(after).as("the database after the corpus").isEqualTo(before);
    }

    /**
     * The upload's own bad forms (no file part, an empty file, a bad or foreign {@code messageId}, ids that are no
     * ids, bodies that are no form) and reads of files that are not there: through the gateway in both people's
     * sessions and at ticket-service directly, each a problem+json refusal, and no file stored.
     */
    @Test
    void badUploadsAndFileReadsAreRefusedCleanlyAndStoreNothing() throws Exception {
        URI gateway = SharedSuite.uri(Service.GATEWAY);
        String student = signIn(gateway, "Fuzz Student", "STUDENT");
        String staff = signIn(gateway, "Fuzz Staff", "STAFF");
        long ticket = createTicket(gateway, student);
        long foreignMessage = messageOn(gateway, student, createTicket(gateway, student));
        List<Caller> callers = List.of(new Caller("gateway, student session", gateway, header("Cookie", student)),
                new Caller("gateway, staff session", gateway, header("Cookie", staff)),
                direct(Service.TICKET_SERVICE, "STUDENT"));
        long filesBefore = attachmentRows();

        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Caller caller : callers) {
            for (UploadBadForms.Bad bad : UploadBadForms.against(ticket, foreignMessage)) {
                List<String[]> headers = new ArrayList<>(caller.credentials().get());
                headers.add(new String[]{"Accept", "application/json"});
                if (bad.contentType() != null) {
                    headers.add(new String[]{"Content-Type", bad.contentType()});
                }
                RawHttp.Answer a = RawHttp.send(caller.base(), new RawHttp.Request(bad.method(), bad.target(), headers,
                        bad.body()));
                statuses.merge(a.status(), 1, Integer::sum);
                String what = caller.label() + ", " + bad.what() + ": ";
                if (!REFUSALS.contains(a.status())) {
                    wrong.add(what + a.status() + " " + shorten(a.body()));
                } else if (!a.contentType().startsWith("application/problem+json")) {
                    wrong.add(what + a.status() + " as " + a.contentType());
                } else if (LEAK.matcher(a.body()).find()) {
                    wrong.add(what + "internals in the body: " + shorten(a.body()));
                }
            }
        }
        System.out.println("Bad uploads and file reads: " + statuses);
        assertThat(wrong).as("answers that break the rules").isEmpty();
        assertThat(attachmentRows()).as("files stored").isEqualTo(filesBefore);
    }

    /** What a bad upload or file read may get: refused as bad, absent, not allowed here, too big or not a file we take. */
    private static final java.util.Set<Integer> REFUSALS = java.util.Set.of(400, 404, 405, 409, 413, 415, 422);

    private static long messageOn(URI gateway, String cookie, long ticket) throws Exception {
        RawHttp.Answer a = RawHttp.send(gateway, new RawHttp.Request("POST", "/api/tickets/" + ticket + "/messages",
                List.of(new String[]{"Content-Type", "application/json"}, new String[]{"Cookie", cookie}),
                "{\"body\": \"A message of another ticket\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return JSON.readTree(a.body()).get("id").asLong();
    }

    private static long attachmentRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM attachment) + (SELECT count(*) FROM attachment_chunk)")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Why an answer breaks the rules, or null. */
    private static String problem(Outcome o) {
        RawHttp.Answer a = o.answer();
        Planned p = o.planned();
        String what = p.caller().label() + " " + p.request().method() + " " + shorten(p.request().target()) + " ["
                + p.mutation() + "]: ";
        if (a.status() == 0) {
            return what + "no answer: " + a.failure();
        }
        if (a.status() >= 500) {
            return what + a.status() + " " + shorten(a.body());
        }
        if (LEAK.matcher(a.body()).find()) {
            return what + "internals in the body: " + shorten(a.body());
        }
        if (a.status() >= 400 && !a.contentType().startsWith("application/problem+json")) {
            return what + a.status() + " as " + a.contentType() + ": " + shorten(a.body());
        }
        if (a.status() == 400 && ONE_INPUT.contains(p.mutation()) && !namesField(a.body())) {
            return what + "400 without the offending input in 'field': " + shorten(a.body());
        }
        if (a.status() >= 400 && a.body().contains("\"parameter\":")) {
            return what + "the offending input named 'parameter', not 'field': " + shorten(a.body());
        }
        return null;
    }

    private static boolean namesField(String problem) {
        try {
            var field = JSON.readTree(problem).get("field");
            return field != null && field.isTextual() && !field.asText().isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    // --- the endpoints ---

    private static final Map<String, Endpoint.Field> NEW_TICKET = fields("title", text(true, "Fuzz ticket"),
            "description", text(true, "Filed by the bad input corpus"), "location", text(false, "Hall A"),
            "priority", enumeration(false, "LOW"),
            // A well-formed id of no ticket: refused (422) for everyone, so no bad input elsewhere can file one.
            "previousTicketId", number(false, 9_000_000_000_000L),
            // The reporter's notification address: anything but one mailbox is a 400 naming it.
            "email", text(false, "fuzz@campus.test"));

    private static final Map<String, Endpoint.Field> INTAKE_BODY = fields("title", text(true, "Fuzz alarm"),
            "description", text(true, "Sent by the bad input corpus"), "priority", enumeration(false, "LOW"),
            "externalRef", text(false, "fuzz-1"));

    /**
     * Deliveries correctly signed by a live integration whose body or headers are bad: the signature lets them past
     * the door, so they reach what a ticket create checks, and each must still be a 4xx problem that opens nothing.
     */
    @Test
    void signedBadDeliveriesGetA4xxProblemAndOpenNothing() throws Exception {
        URI gateway = SharedSuite.uri(Service.GATEWAY);
        String staff = signIn(gateway, "Fuzz Staff", "STAFF");
        RawHttp.Answer created = RawHttp.send(gateway, new RawHttp.Request("POST", "/api/integrations", List.of(
                new String[]{"Content-Type", "application/json"}, new String[]{"Cookie", staff}),
                ("{\"name\": \"fuzz-hook-" + System.nanoTime() % 1_000_000 + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String name = JSON.readTree(created.body()).get("integration").get("name").asText();
        String secret = JSON.readTree(created.body()).get("secret").asText();
        String fine = "{\"title\": \"Fuzz alarm\", \"description\": \"Sent by the corpus\"}";
        List<byte[]> bodies = new ArrayList<>();
        for (String body : List.of("", "{", "null", "[]", "\"text\"", "{\"title\": \"\", \"description\": \"d\"}",
"{\"title\": \"t\", \"description\": \"d\", \"priority\": \"NOW\"}",
                "{\"title\": \"t\\u0000\", \"description\": \"d\"}", "{\"title\": \"t\", \"description\": \"d\", "
                        + "\"externalRef\": \"" + "r".repeat(201) + "\"}", "{\"title\": \"t\", \"description\": \"d\", "
                        + "\"externalRef\": [1]}", "[".repeat(5000) + "]".repeat(5000),
                "{\"title\": \"t\", \"description\": \"d\", \"previousTicketId\": -1}")) {
            bodies.add(body.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        String before = intakeState();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (byte[] body : bodies) {
            String signature = WebhookSignature.sign(secret, body);
            wrong.add(refusal(gateway, name, body, signature, "fuzz-" + sent++));
        }
        byte[] ok = fine.getBytes(StandardCharsets.UTF_8);
        String good = WebhookSignature.sign(secret, ok);
        for (String badDelivery : List.of("", " ", "x".repeat(201))) {
            wrong.add(refusal(gateway, name, ok, good, badDelivery));
        }
        wrong.add(refusal(gateway, name, ok, good, null));
        for (String badSignature : List.of("", "sha256=", "sha1=" + good.substring(7), good.substring(7),
                good + "00", "sha256=" + "g".repeat(64), good.toUpperCase(), "x".repeat(9000))) {
            wrong.add(refusal(gateway, name, ok, badSignature, "fuzz-sig-" + sent++));
        }
        wrong.removeIf(java.util.Objects::isNull);
        assertThat(wrong).as("signed bad deliveries").isEmpty();
        assertThat(intakeState()).isEqualTo(before);
    }

    /** What a delivery could add: tickets, their events, delivery rows. */
    private static String intakeState() throws SQLException {
        try (Connection c = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             ResultSet r = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM tickets) || ' tickets, '"
                     + " || (SELECT count(*) FROM ticket_event) || ' events, '"
                     + " || (SELECT count(*) FROM intake_delivery) || ' deliveries'")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Why this delivery's answer breaks the rules, or null. */
    private static String refusal(URI gateway, String name, byte[] body, String signature, String deliveryId) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[]{"Content-Type", "application/json"});
        headers.add(new String[]{WebhookSignature.HEADER, signature});
        if (deliveryId != null) {
            headers.add(new String[]{"X-Delivery-Id", deliveryId});
        }
        RawHttp.Answer a = RawHttp.send(gateway, new RawHttp.Request("POST", "/api/intake/" + name, headers, body));
        String what = shorten(new String(body, StandardCharsets.UTF_8)) + " / " + shorten(signature) + " / "
                + deliveryId + ": ";
        if (a.status() < 400 || a.status() >= 500) {
            return what + a.status() + " " + shorten(a.body());
        }
        if (!a.contentType().startsWith("application/problem+json") || LEAK.matcher(a.body()).find()) {
            return what + a.status() + " as " + a.contentType() + ": " + shorten(a.body());
        }
        return null;
    }

    static List<Endpoint> ticketService() {
        Service t = Service.TICKET_SERVICE;
        return List.of(
                Endpoint.body(t, "POST", "/api/tickets", NEW_TICKET, true),
                Endpoint.read(t, "/api/tickets", query("status", "OPEN", "category", "IT", "priority", "LOW", "q",
                        "printer", "openedFrom", "2026-01-01", "openedTo", "2026-12-31T00:00:00Z", "needsReview",
                        "false", "sort", "openedAt,desc", "page", "0", "size", "20")),
                // The issue-11 filters on their own: a student's list refuses any assignee filter (403), which would
                // hide what the other parameters' bad values get.
                Endpoint.read(t, "/api/tickets", query("reporter", "me", "sla", "AT_RISK,BREACHED", "sort", "due")),
                Endpoint.read(t, "/api/tickets", query("assignee", "none", "sla", "BREACHED", "incident", "none",
                        "closedFrom", "2026-01-01T00:00:00Z")),
                Endpoint.read(t, "/api/tickets/counts", query("category", "IT", "priority", "LOW", "q", "printer",
                        "openedFrom", "2026-01-01", "openedTo", "2026-12-31T00:00:00Z", "needsReview", "false")),
                Endpoint.read(t, "/api/tickets/counts", query("status", "OPEN,ACTIVE", "reporter", "me", "sla",
                        "AT_RISK")),
                Endpoint.read(t, "/api/tickets/counts", query("assignee", "me", "sla", "BREACHED", "incident", "1",
                        "closedFrom", "2026-01-01")),
                Endpoint.read(t, "/api/tickets/{id}", Map.of()),
                Endpoint.body(t, "PATCH", "/api/tickets/{id}", fields("title", text(false, "Fuzz ticket"),
                        "description", text(false, "d"), "location", text(false, "Hall"),
                        "priority", enumeration(false, "HIGH"), "category", enumeration(false, "IT"),
                        "version", number(false, 1)), true),
                Endpoint.body(t, "POST", "/api/tickets/{id}/status", fields("status", enumeration(true, "ACTIVE"),
                        "version", number(false, 1)), true),
                // The fixed targets are OPEN: a valid handover would be refused (409), so nothing changes anyway.
                Endpoint.body(t, "POST", "/api/tickets/{id}/assignee", fields("assignee", text(true, "Fuzz Colleague")),
                        true),
                Endpoint.only(t, "POST", "/api/tickets/{id}/read", Map.of(), EnumSet.of(Mutation.PATH_ID,
                        Mutation.METHOD, Mutation.BAD_PATH)),
                Endpoint.only(t, "DELETE", "/api/tickets/{id}", Map.of(), EnumSet.of(Mutation.PATH_ID,
                        Mutation.CONTENT_TYPE, Mutation.OVERSIZED, Mutation.METHOD, Mutation.BAD_PATH)),
                Endpoint.read(t, "/api/tickets/{id}/history", Map.of()),
                // Mass incidents. No valid join is sent; a valid link names no ticket that exists (422) and the
                // unlink names a ticket linked to nothing (404), so no bad input links or unlinks anything.
                Endpoint.only(t, "POST", "/api/tickets/{id}/followers", Map.of(), EnumSet.of(Mutation.PATH_ID,
                        Mutation.METHOD, Mutation.BAD_PATH)),
                Endpoint.body(t, "POST", "/api/tickets/{id}/links", fields("tickets", ids(true, 9_000_000_000_000L)),
                        true),
                Endpoint.only(t, "DELETE", "/api/tickets/{id}/links/{id}", Map.of(), EnumSet.of(Mutation.PATH_ID,
                        Mutation.CONTENT_TYPE, Mutation.OVERSIZED, Mutation.METHOD, Mutation.BAD_PATH)),
                Endpoint.read(t, "/api/tickets/{id}/closure", Map.of()),
                Endpoint.read(t, "/api/tickets/solved", Map.of()),
                Endpoint.read(t, "/api/tickets/solved", query("recent", "true")),
                Endpoint.read(t, "/api/tickets/notifications", Map.of()),
                Endpoint.read(t, "/api/tickets/{id}/notifications", Map.of()),
                // A staff member's own mail setting: anything but one mailbox (or none) is a 400 naming "email".
                Endpoint.read(t, "/api/tickets/notifications/me", Map.of()),
                Endpoint.body(t, "PUT", "/api/tickets/notifications/me", fields("email",
                        text(false, "fuzz@campus.test"), "enabled", bool(false)), true),
                Endpoint.read(t, "/api/tickets/{id}/messages", Map.of()),
                // Files: the list and a download (uploads are multipart: their bad forms are in UploadBadForms).
                Endpoint.read(t, "/api/tickets/{id}/attachments", Map.of()),
                Endpoint.read(t, "/api/attachments/{id}", query("thumbnail", "true")),
                Endpoint.body(t, "POST", "/api/tickets/{id}/messages", fields("body", text(true, "Any news?"),
                        "internal", bool(false)), true),
                Endpoint.body(t, "POST", "/api/tickets/classify", fields("text", text(true, "The printer is jammed")),
                        false),
                Endpoint.read(t, "/api/tickets/similar", query("text", "eduroam+down+in+the+library", "location",
                        "Library")),
                Endpoint.read(t, "/api/tokens", Map.of()),
                Endpoint.body(t, "POST", "/api/tokens", fields("name", text(true, "fuzz-token"),
                        "role", enumeration(true, "ANALYST"), "days", number(false, 1)), true),
                Endpoint.only(t, "DELETE", "/api/tokens/{name}", Map.of(), EnumSet.of(Mutation.PATH_ID,
                        Mutation.CONTENT_TYPE, Mutation.OVERSIZED, Mutation.METHOD, Mutation.BAD_PATH)),
                Endpoint.body(t, "POST", "/api/tokens/verify", fields("token", text(false, "hdt_not_a_token")), false),
                // The gateway's sign-outs (GATEWAY only): an id of 16-64 URL-safe characters and its expiry.
                Endpoint.body(t, "POST", "/api/sessions/ended", fields("id", text(true, "fuzz-session-id-0123456789"),
                        "expiresAt", text(true, "2030-01-01T00:00:00Z")), true),
                Endpoint.read(t, "/api/sessions/ended", Map.of()),
                Endpoint.read(t, "/api/integrations", Map.of()),
                Endpoint.body(t, "POST", "/api/integrations", fields("name", text(true, "fuzz-hook")), true),
                Endpoint.only(t, "DELETE", "/api/integrations/{name}", Map.of(), EnumSet.of(Mutation.PATH_ID,
                        Mutation.CONTENT_TYPE, Mutation.OVERSIZED, Mutation.METHOD, Mutation.BAD_PATH)),
                // The webhook intake, unsigned: every bad form of the body is refused with the missing signature
                // (401) before the body is read; signed bad deliveries are the test below.
                Endpoint.body(t, "POST", "/api/intake/{name}", INTAKE_BODY, true),
                Endpoint.read(t, "/api/changes", query("after", "0", "limit", "10")),
                Endpoint.read(t, "/api/changes/snapshot", Map.of()),
                Endpoint.read(t, "/api/classifier", Map.of()),
                Endpoint.only(t, "POST", "/api/classifier/retrain", Map.of(), Mutation.ALWAYS_REFUSED),
                Endpoint.read(t, "/api/admin/demo-data", Map.of()),
                Endpoint.only(t, "POST", "/api/admin/demo-data", fields("tickets", number(false, 5),
                        "months", number(false, 1), "append", bool(true)), EnumSet.of(Mutation.NUMBER,
                        Mutation.WRONG_TYPE, Mutation.DEEP_NESTING, Mutation.BROKEN_JSON, Mutation.INVALID_UTF8,
                        Mutation.RAW_NUL, Mutation.WIDE_CHARSET, Mutation.CONTENT_TYPE, Mutation.OVERSIZED, Mutation.METHOD,
                        Mutation.BAD_PATH)));
    }

    static List<Endpoint> analytics(Service service) {
        return switch (service) {
            case OPEN_PERIOD -> List.of(Endpoint.read(service, "/api/analytics/open-period", query("hours", "24")),
                    Endpoint.read(service, "/api/analytics/open-period", query("days", "7", "incidents", "collapse")),
                    Endpoint.read(service, "/api/analytics/volume", query("days", "30", "incidents", "collapse")),
                    Endpoint.read(service, "/api/analytics/incidents", query("days", "7")),
                    Endpoint.read(service, "/api/analytics/incidents", query("hours", "24")));
            case RESOLUTION_TIME -> List.of(Endpoint.read(service, "/api/analytics/resolution-time",
                    query("from", "2026-01", "to", "2026-12", "category", "IT")),
                    Endpoint.read(service, "/api/analytics/first-response",
                            query("from", "2026-01", "to", "2026-12", "category", "IT", "priority", "HIGH")),
                    Endpoint.read(service, "/api/analytics/sla", query("from", "2026-01", "to", "2026-12",
                            "category", "FACILITY", "priority", "LOW")),
                    Endpoint.read(service, "/api/analytics/resolution-time", query("incidents", "collapse")),
                    Endpoint.read(service, "/api/analytics/first-response", query("incidents", "collapse")),
                    Endpoint.read(service, "/api/analytics/sla", query("incidents", "collapse")));
            // format= is the gateway's (download links); a service takes Accept, and refuses a parameter it has not.
            case CATEGORY -> List.of(
                    Endpoint.read(service, "/api/analytics/active-by-category", query("by", "priority")),
                    Endpoint.read(service, "/api/analytics/workload", query()),
                    Endpoint.read(service, "/api/analytics/active-by-category", query("incidents", "collapse")),
                    Endpoint.read(service, "/api/analytics/workload", query("incidents", "collapse")));
            default -> List.of();
        };
    }

    static List<Endpoint> gatewayOwn() {
        Service g = Service.GATEWAY;
        return List.of(
                Endpoint.body(g, "POST", "/api/session", fields("name", text(true, "Fuzz Person"),
                        "role", enumeration(true, "STUDENT"), "staffCode", text(false, "")), false),
                Endpoint.read(g, "/api/session", Map.of()),
                Endpoint.only(g, "DELETE", "/api/session", Map.of(), Mutation.ALWAYS_REFUSED),
                Endpoint.read(g, "/api/services", Map.of()));
    }

    private List<Planned> plan(List<Caller> callers) {
        List<Map.Entry<Caller, Endpoint>> cells = new ArrayList<>();
        for (Caller caller : callers) {
            List<Endpoint> endpoints = new ArrayList<>();
            if (caller.label().startsWith("gateway")) {
                endpoints.addAll(ticketService());
                endpoints.addAll(gatewayOwn());
                for (Service s : List.of(Service.OPEN_PERIOD, Service.RESOLUTION_TIME, Service.CATEGORY)) {
                    endpoints.addAll(analytics(s));
                }
            } else if (caller.label().startsWith(Service.TICKET_SERVICE.module())) {
                endpoints.addAll(ticketService());
            } else {
                endpoints.addAll(analytics(serviceOf(caller)));
            }
            endpoints.forEach(e -> cells.add(Map.entry(caller, e)));
        }
        Random random = new Random(SEED);
        int each = (REQUESTS + cells.size() - 1) / cells.size();
        List<Planned> plan = new ArrayList<>();
        for (Map.Entry<Caller, Endpoint> cell : cells) {
            List<Mutation> kinds = cell.getValue().mutationList();
            for (int i = 0; i < each; i++) {
                Mutation m = kinds.get(random.nextInt(kinds.size()));
                plan.add(new Planned(cell.getKey(), cell.getValue(), m, build(cell.getKey(), cell.getValue(), m,
                        random)));
            }
        }
        return plan;
    }

    private static Service serviceOf(Caller caller) {
        for (Service s : Service.values()) {
            if (caller.label().startsWith(s.module())) {
                return s;
            }
        }
        throw new IllegalArgumentException(caller.label());
    }

    // --- one malformed request ---

    private RawHttp.Request build(Caller caller, Endpoint e, Mutation m, Random random) {
        String method = e.method();
        String path = e.path().replace("{id}", String.valueOf(fixedTickets.get(random.nextInt(fixedTickets.size()))))
                .replace("{name}", NO_SUCH_TOKEN);
        Map<String, String> query = new LinkedHashMap<>(e.query());
        Map<String, String> body = new LinkedHashMap<>();
        e.fields().forEach((name, f) -> body.put(name, f.validJson()));
        byte[] bodyBytes = null;
        String contentType = "application/json";
        List<String[]> headers = new ArrayList<>();
        String accept = "application/json";
        boolean extra = random.nextInt(10) < 3;
        switch (m) {
            case TEXT -> body.put(field(e, Endpoint.Type.TEXT, random), jsonString(forms.any("text", random)));
            case WRONG_TYPE -> body.put(anyField(e, random), escapeControls(forms.any("wrong-type", random)));
            case ENUM -> body.put(field(e, Endpoint.Type.ENUM, random), escapeControls(forms.any("enum", random)));
            case NUMBER -> body.put(field(e, Endpoint.Type.NUMBER, random), escapeControls(forms.any("number", random)));
            case MISSING -> body.remove(e.fields().entrySet().stream().filter(x -> x.getValue().required())
                    .map(Map.Entry::getKey).toList().get(0));
            case DEEP_NESTING -> {
                int depth = 2_000 + random.nextInt(4_000);
                body.put("extra", "[".repeat(depth) + "]".repeat(depth));
            }
            case BROKEN_JSON -> {
                byte[] valid = render(body).getBytes(StandardCharsets.UTF_8);
                bodyBytes = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            case INVALID_UTF8, RAW_NUL -> {
                String f = stringField(e, random);
                body.put(f, "\"@@BAD@@\"");
                byte[] bad = m == Mutation.RAW_NUL ? new byte[]{'a', 0, 'b'}
                        : HexFormat.of().parseHex(forms.any("invalid-utf8", random));
                bodyBytes = splice(render(body), bad);
            }
            case WIDE_CHARSET -> bodyBytes = render(body).getBytes(java.nio.charset.Charset.forName(
                    List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE").get(random.nextInt(4))));
            case CONTENT_TYPE -> {
                contentType = forms.any("content-type", random);
                if (body.isEmpty()) {
                    bodyBytes = "{\"x\": 1}".getBytes(StandardCharsets.UTF_8);
                }
            }
            case CONTENT_ENCODING -> headers.add(new String[]{"Content-Encoding", forms.any("content-encoding", random)});
            case OVERSIZED -> bodyBytes = ("{\"title\": \"" + "x".repeat(1_050_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case PATH_ID -> path = e.path().replace("{id}", forms.any("path-id", random))
                    .replace("{name}", forms.any("path-id", random));
            case IF_MATCH -> headers.add(new String[]{"If-Match", forms.any("if-match", random)});
            case IDEMPOTENCY_KEY -> headers.add(new String[]{"Idempotency-Key", forms.any("idempotency-key", random)});
            case QUERY -> {
                List<String> names = new ArrayList<>(query.keySet());
                String name = names.get(random.nextInt(names.size()));
                String form = forms.any("query", random);
                // The parameter given twice, each time with its valid value: only the repetition is wrong.
                query.put(name, form.equals(BadForms.REPEAT) ? query.get(name) + "&" + name + "=" + query.get(name)
                        : form);
                String unknown = forms.any("query", random);
                if (random.nextBoolean() && !unknown.equals(BadForms.REPEAT)) {
                    query.put(name + "X", unknown);
                }
                if (name.equals("page") || name.equals("size")) {
                    query.put("page", String.valueOf(1_000 + random.nextInt(100_000)));
                }
            }
            case ACCEPT -> accept = forms.any("accept", random);
            case FORWARDED -> {
                String[] header = forms.any("forwarded", random).split(": ", 2);
                headers.add(header);
                if (random.nextBoolean()) {
                    headers.add(new String[]{"Origin", "http://elsewhere.example"});
                }
            }
            case METHOD -> method = forms.any("method", random);
            case BAD_PATH -> path = path + List.of("/%00", "/..%2F..%2F", "//x", "/%FF", "/\u00ff", "/x".repeat(800),
                    "/.;/x", "/%2e%2e/%2e%2e/health").get(random.nextInt(8));
        }
        if (extra && !e.fields().isEmpty() && !body.containsKey("extra")) {
            body.put("isAdmin", "true");
            body.put("__proto__", "{\"role\": \"STAFF\"}");
        }
        if (bodyBytes == null && (!e.fields().isEmpty() && e.write() || !body.isEmpty() && !method.equals("GET")
                || m == Mutation.DEEP_NESTING)) {
            bodyBytes = render(body).getBytes(StandardCharsets.UTF_8);
        }
        if (!accept.equals(BadForms.NONE)) {
            headers.add(new String[]{"Accept", accept});
        }
        if (bodyBytes != null && !contentType.equals(BadForms.NONE)) {
            headers.add(new String[]{"Content-Type", contentType});
        }
        headers.addAll(caller.credentials().get());
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query.entrySet().stream()
                .map(q -> q.getKey() + "=" + q.getValue()).toList()));
        return new RawHttp.Request(method, target, headers, bodyBytes);
    }

    private static String field(Endpoint e, Endpoint.Type type, Random random) {
        List<String> names = e.fields().entrySet().stream().filter(x -> x.getValue().type() == type)
                .map(Map.Entry::getKey).toList();
        return names.get(random.nextInt(names.size()));
    }

    private static String anyField(Endpoint e, Random random) {
        List<String> names = List.copyOf(e.fields().keySet());
        return names.get(random.nextInt(names.size()));
    }

    /** A field whose value the parser must decode as a string: a text or enum field, else any. */
    private static String stringField(Endpoint e, Random random) {
        List<String> names = e.fields().entrySet().stream().filter(x -> x.getValue().type() == Endpoint.Type.TEXT
                || x.getValue().type() == Endpoint.Type.ENUM).map(Map.Entry::getKey).toList();
        return names.isEmpty() ? anyField(e, random) : names.get(random.nextInt(names.size()));
    }

    private static String render(Map<String, String> body) {
        return "{" + String.join(", ", body.entrySet().stream().map(x -> "\"" + x.getKey() + "\": " + x.getValue())
                .toList()) + "}";
    }

    private static byte[] splice(String json, byte[] bad) {
        int at = json.indexOf("@@BAD@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(json.substring(at + 7).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String jsonString(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Control characters in a JSON fragment (inside its strings) as \\u escapes, so that the JSON stays well formed. */
    private static String escapeControls(String fragment) {
        StringBuilder out = new StringBuilder();
        for (char c : fragment.toCharArray()) {
            out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "…";
    }

    // --- callers, set-up and the state that must not change ---

    private static Supplier<List<String[]>> header(String name, String value) {
        return () -> List.<String[]>of(new String[]{name, value});
    }

    private static Caller direct(Service service, String role) {
        String key = SharedSuite.SECRETS.serviceKey();
        return new Caller(service.module() + " as " + role, SharedSuite.uri(service), () -> {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(role.equals("STUDENT") ? "Fuzz Student"
                            : "Fuzz " + role.toLowerCase()).claim("roles", List.of(role)).audience(service.module())
                    .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(2)))).build();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
                jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
                return List.<String[]>of(new String[]{"Authorization", "Bearer " + jwt.serialize()});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Signs in at the gateway (with the JDK's client, which keeps the headers) and returns the session cookie. */
    private static String signIn(URI gateway, String name, String role) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            gateway.resolve("/api/session")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"role\": \""
                            + role + "\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
            return setCookie.substring(0, setCookie.indexOf(';'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String issueToken(URI gateway, String staffCookie, String role) throws Exception {
        RawHttp.Answer a = RawHttp.send(gateway, new RawHttp.Request("POST", "/api/tokens", List.of(
                new String[]{"Content-Type", "application/json"}, new String[]{"Cookie", staffCookie}),
                ("{\"name\": \"fuzz-" + role.toLowerCase() + "-" + System.nanoTime() + "\", \"role\": \"" + role
                        + "\", \"days\": 1}").getBytes(StandardCharsets.UTF_8)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return JSON.readTree(a.body()).get("value").asText();
    }

    private static long createTicket(URI gateway, String studentCookie) throws Exception {
        RawHttp.Answer a = RawHttp.send(gateway, new RawHttp.Request("POST", "/api/tickets", List.of(
                new String[]{"Content-Type", "application/json"}, new String[]{"Cookie", studentCookie}),
                "{\"title\": \"Fuzz target\", \"description\": \"A ticket the corpus aims at\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return JSON.readTree(a.body()).get("id").asLong();
    }

    /**
     * The state once it holds still for a second: in the whole suite an earlier test's request that the gateway
     * answered 504 may still be committing in ticket-service, and its rows are not the corpus's doing.
     */
    private String settledState() throws SQLException, InterruptedException {
        String seen = state();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(1_000);
            String now = state();
            if (now.equals(seen)) {
                return now;
            }
            seen = now;
        }
        return seen;
    }

    /** Row counts of everything a request could add or remove, and every column of the tickets the corpus aims at. */
    private String state() throws SQLException {
        try (Connection c = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             ResultSet r = c.createStatement().executeQuery("""
                     SELECT (SELECT count(*) FROM tickets) || ' tickets, '
                         || (SELECT count(*) FROM ticket_event) || ' events ('
                         || (SELECT string_agg(type || ' ' || n, ', ' ORDER BY type)
                             FROM (SELECT type, count(*) AS n FROM ticket_event GROUP BY type) by_type) || '), '
                         || (SELECT count(*) FROM ticket_message) || ' messages, '
                         || (SELECT count(*) FROM attachment) || ' files, '
                         || (SELECT count(*) FROM api_tokens) || ' API tokens, '
                         || (SELECT count(*) FROM api_tokens WHERE revoked_at IS NOT NULL) || ' revoked, '
                         || (SELECT count(*) FROM idempotency_key) || ' idempotency keys, '
                         || (SELECT count(*) FROM integrations) || ' integrations, '
                         || (SELECT count(*) FROM integrations WHERE revoked_at IS NOT NULL) || ' revoked, '
                         || (SELECT count(*) FROM intake_delivery) || ' deliveries, '
                         || (SELECT count(*) FROM category_correction) || ' corrections, '
                         || (SELECT count(*) FROM ended_sessions) || ' ended sessions; targets: '
                         || (SELECT string_agg(t::text, ' | ' ORDER BY id) FROM tickets t WHERE id IN (%s))
                     """.formatted(String.join(",", fixedTickets.stream().map(String::valueOf).toList())))) {
            r.next();
            return r.getString(1);
        }
    }
}
