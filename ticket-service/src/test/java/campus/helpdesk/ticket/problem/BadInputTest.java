package campus.helpdesk.ticket.problem;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 400 problem+json naming what was wrong, never a 500 or a stack trace. */
@MicronautTest(transactional = false)
class BadInputTest extends ApiTest {

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\": \"x\", \"description\": |body",
            "not json at all|body",
            "{\"title\": {\"a\": 1}, \"description\": \"d\"}|title",
            "{\"title\": \"x\", \"description\": \"d\", \"location\": [1, 2]}|location",
            "{\"title\": \"x\", \"description\": \"d\", \"priority\": \"URGENT\"}|priority",
            "{\"title\": \"x\", \"description\": \"d\", \"priority\": 7}|priority",
            "{\"description\": \"d\"}|title",
            "{\"title\": \"   \", \"description\": \"d\"}|title",
            "{\"title\": \"x\"}|description",
            "[]|body",
    })
    void aBrokenTicketBodyIsA400NamingTheField(String body, String field) {
        Api.Answer answer = api.send(STUDENT, "POST", "/api/tickets", body, Map.of());
        assertNaming(answer, 400, field);
        assertThat(answer.raw.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void fieldsOverTheirMaximumLengthAreRefused() {
        assertNaming(api.post(STUDENT, "/api/tickets", Map.of("title", "x", "description", "d".repeat(10_001))),
                400, "description");
        assertNaming(api.post(STUDENT, "/api/tickets", Map.of("title", "t".repeat(201), "description", "d")),
                400, "title");
        assertNaming(api.post(STUDENT, "/api/tickets", Map.of("title", "t", "description", "d",
                "location", "l".repeat(101))), 400, "location");
    }

    /**
     * Limits count characters as people (and PostgreSQL's varchar) do: an emoji is one, not the two UTF-16 units a
     * Java String counts, so 101 of them were once refused as "more than 200 characters".
     */
    @Test
    void anEmojiCountsAsOneCharacterUpToEachLimitAndNoFurther() {
        String emoji = "\uD83D\uDE00";
        Api.Answer filed = api.post(STUDENT, "/api/tickets", Map.of("title", emoji.repeat(200),
                "description", emoji.repeat(10_000), "location", emoji.repeat(100)));
        assertThat(filed.status).as(filed.raw.body()).isEqualTo(201);
        Ticket ticket = filed.as(Ticket.class);
        assertThat(ticket.title()).isEqualTo(emoji.repeat(200));
        assertThat(ticket.location()).isEqualTo(emoji.repeat(100));
        assertThat(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", emoji.repeat(5_000)))
                .status).isEqualTo(201);

        Api.Answer tooLong = api.post(STUDENT, "/api/tickets", Map.of("title", emoji.repeat(201), "description", "d"));
        assertNaming(tooLong, 400, "title");
        assertThat(tooLong.raw.body()).contains("The title can be at most 200 characters.");
        assertNaming(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", emoji.repeat(5_001))), 400, "body");
        assertNaming(api.send(STUDENT, "PATCH", "/api/tickets/" + ticket.id(), Map.of("location", emoji.repeat(101)),
                Map.of("If-Match", String.valueOf(ticket.version()))), 400, "location");
    }

    @Test
    void aTooLongMessageOrAWrongPatchTypeIsRefused() {
        Ticket ticket = create();
        assertNaming(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "m".repeat(5_001))), 400, "body");
        assertNaming(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "")), 400,
                "body");
        assertNaming(api.send(STUDENT, "PATCH", "/api/tickets/" + ticket.id(),
                "{\"version\": \"three\"}", Map.of()), 400, "version");
        assertNaming(api.send(STUDENT, "PATCH", "/api/tickets/" + ticket.id(),
                "{\"title\": \"\", \"version\": 1}", Map.of()), 400, "title");
        assertNaming(api.send(STAFF, "POST", "/api/tickets/" + ticket.id() + "/status",
                "{\"status\": \"REOPENED\"}", Map.of()), 400, "status");
        assertNaming(api.send(STAFF, "PATCH", "/api/tickets/" + ticket.id(), Map.of("title", "x"),
                Map.of("If-Match", "abc")), 400, "If-Match");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "sort=reporterName,asc|sort",
            "sort=openedAt,sideways|sort",
            "sort=openedAt%3BDROP%20TABLE%20tickets|sort",
            "size=0|size",
            "size=101|size",
            "size=ten|size",
            "page=-1|page",
            "status=PENDING|status",
            "category=FOOD|category",
            "priority=URGENT|priority",
            "openedFrom=yesterday|openedFrom",
            "needsReview=maybe|needsReview",
    })
    void aBadListParameterIsA400NamingIt(String query, String parameter) {
        assertNaming(api.get(STAFF, "/api/tickets?" + query), 400, parameter);
    }

    @Test
    void aTicketIdThatIsNotANumberIsA400NotA500() {
        Api.Answer answer = api.get(STAFF, "/api/tickets/abc");
        assertThat(answer.status).as(answer.toString()).isIn(400, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownTicketIsA404Problem() {
        assertNaming(api.get(STAFF, "/api/tickets/999999"), 404, "999999");
    }

    @Test
    void aMalformedFeedCursorOrLimitIsA400NamingIt() {
        assertNaming(api.get(FEED, "/api/changes?after=banana"), 400, "after");
        assertNaming(api.get(FEED, "/api/changes?after=1.2.3"), 400, "after");
        assertNaming(api.get(FEED, "/api/changes?limit=1001"), 400, "limit");
        assertNaming(api.get(FEED, "/api/changes?waitMs=30001"), 400, "waitMs");
        assertNaming(api.get(FEED, "/api/changes?limit=lots"), 400, "limit");
    }

    @Test
    void aTooLongIdempotencyKeyIsA400() {
        Api.Answer answer = api.send(STUDENT, "POST", "/api/tickets", Map.of("title", "x", "description", "d"),
                Map.of("Idempotency-Key", "k".repeat(201)));
        assertNaming(answer, 400, "Idempotency-Key");
    }

    // --- no 500 for any bad input, and nothing stored ---

    /** The title of every refused create below, so that the tests can count what got stored anyway. */
    private static final String PROBE = "Bad input probe";

    @ParameterizedTest(name = "NUL in {0} → 400 naming it")
    @CsvSource({"title", "description", "location"})
    void aNulInATicketFieldIsA400NamingTheField(String field) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", PROBE, "description", "Stuck",
                "location", "Hall"));
        body.put(field, "before\u0000after");
        assertNaming(api.post(STUDENT, "/api/tickets", body), 400, field);
        assertThat(ticketCount()).isZero();
    }

    @Test
    void aNulInAMessageAPatchOrAClassifyTextIsA400NamingTheField() {
        Ticket ticket = create();
        assertNaming(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "a\u0000")),
                400, "body");
        assertNaming(api.patch(STUDENT, "/api/tickets/" + ticket.id(), Map.of("title", "x\u0000")), 400, "title");
        assertNaming(api.post(STUDENT, "/api/tickets/classify", Map.of("text", "printer\u0000")), 400, "text");
        assertNaming(api.post(STAFF, "/api/tokens", Map.of("name", "bi\u0000", "role", "ANALYST")), 400, "name");
    }

    @Test
    void lineBreaksAndTabsInADescriptionAreFine() {
        assertThat(api.post(STUDENT, "/api/tickets", Map.of("title", "Lift", "description", "Line one\r\n\tLine two"))
                .status).isEqualTo(201);
    }

    @Test
    void aNulInTheSearchOrAnyQueryParameterIsA400NamingIt() {
        assertNaming(api.get(STAFF, "/api/tickets?q=printer%00"), 400, "q");
        assertNaming(api.get(STAFF, "/api/tickets?status=OPEN%00"), 400, "status");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "openedFrom=%2B999999999-01-01T00:00:00Z|openedFrom",
            "openedTo=-999999999-01-01T00:00:00Z|openedTo",
            "openedFrom=10000-01-01|openedFrom",
            "openedFrom=%2B10000-01-01T00:00:00Z|openedFrom",
            "openedTo=9999-12-31T23:00:00-05:00|openedTo",
            "q=printer&q=scanner|q",
            "q=%FF%FE|q",
            "q=caf%C3%28|q",
            "q=%ED%A0%80|q",
            "status=OPEN&q=%C3|q",
            "page=1&page=2|page",
            "openedFrom=0000-06-01|openedFrom",
            "openedFrom=2026-02-30|openedFrom",
            "page=2000000|page",
            "page=101&size=100|10000",
            "page=501|10000",
            "page=%D9%A1|page",
            "size=%EF%BC%93|size",
            "page=%2B2|page",
    })
    void outOfRangeDatesAndPagesBeyondTheLimitAreA400NamingThem(String query, String named) {
        assertNaming(api.get(STAFF, "/api/tickets?" + query), 400, named);
    }

    @Test
    void theDeepestPageAllowedAnswers() {
        assertThat(api.get(STAFF, "/api/tickets?page=100&size=100").status).isEqualTo(200);
        assertThat(api.get(STAFF, "/api/tickets?openedFrom=0001-01-01&openedTo=9999-12-31").status).isEqualTo(200);
        assertThat(api.get(STAFF, "/api/tickets?openedFrom=9999-12-31T23:59:59Z").status).isEqualTo(200);
        assertThat(api.get(STAFF, "/api/tickets?openedTo=9999-12-31T23:59:59.999999999Z").status).isEqualTo(200);
        assertThat(api.get(STAFF, "/api/tickets?openedFrom=0001-01-01T00:00:00.000000001Z").status).isEqualTo(200);
        assertThat(api.get(STAFF, "/api/tickets?q=caf%C3%A9+%F0%9F%98%80").status).isEqualTo(200);
    }

    @Test
    void invalidUtf8InABodyIsA400() {
        byte[] body = ("{\"title\": \"" + PROBE + " caf\u00e9\", \"description\": \"d\"}").getBytes(StandardCharsets.ISO_8859_1);
        Api.Answer answer = api.sendBytes(STUDENT, "POST", "/api/tickets", body, "application/json");
        assertThat(answer.status).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(ticketCount()).isZero();
    }

    @Test
    void deeplyNestedJsonIsA400() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        Api.Answer answer = api.send(STUDENT, "POST", "/api/tickets",
                "{\"title\": \"" + PROBE + "\", \"description\": \"d\", \"extra\": " + nested + "}", Map.of());
        assertThat(answer.status).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(ticketCount()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIs415() {
        Api.Answer answer = api.sendBytes(STUDENT, "POST", "/api/tickets",
                "title=x&description=d".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(answer.status).as(answer.toString()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        String huge = "{\"title\": \"" + PROBE + "\", \"description\": \"" + "d".repeat(1_100_000) + "\"}";
        Api.Answer answer = api.send(STUDENT, "POST", "/api/tickets", huge, Map.of());
        assertThat(answer.status).as(answer.toString()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(ticketCount()).isZero();
    }

    @Test
    void aNumberInOtherDigitsThan0To9OrWithAPlusIsNotTheNumber() {
        Ticket ticket = create();
        String id = String.valueOf(ticket.id());
        String arabic = id.chars().mapToObj(c -> String.valueOf((char) ('\u0660' + c - '0')))
                .collect(Collectors.joining());
        for (String spelled : List.of(URLEncoder.encode(arabic, StandardCharsets.UTF_8),
                "%2B" + id)) {
            Api.Answer answer = api.get(STAFF, "/api/tickets/" + spelled);
            assertNaming(answer, 400, "path");
        }
        assertNaming(api.send(STAFF, "PATCH", "/api/tickets/" + id, Map.of("title", "Never renamed"),
                Map.of("If-Match", "\"+1\"")), 400, "If-Match");
        assertThat(api.get(STAFF, "/api/tickets/" + id).status).isEqualTo(200);
    }

    @Test
    void aPatchThatNamesNothingItChangesIsRefusedAndSaysWhereStatusAndAssigneeMove() {
        Ticket ticket = create();
        for (Map<String, Object> body : List.of(Map.<String, Object>of("status", "CLOSED", "version", ticket.version()),
                Map.<String, Object>of("assignee", "Someone", "version", ticket.version()),
                Map.<String, Object>of("version", ticket.version()))) {
            Api.Answer refused = api.patch(STAFF, "/api/tickets/" + ticket.id(), body);
            assertNaming(refused, 400, "body");
            assertThat(refused.map().get("detail").toString()).contains("/status", "/assignee");
        }
        Ticket after = api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class);
        assertThat(after.version()).isEqualTo(ticket.version());
        assertThat(after.status()).isEqualTo(ticket.status());
    }

    @Test
    void aOneValueHeaderGivenTwiceAndMoreParametersThanAreReadAreRefused() {
        HttpResponse<String> twice = rawGet("/api/tickets", "Idempotency-Key", "a", "Idempotency-Key", "b");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("Idempotency-Key").contains("2 times");
        String many = IntStream.range(0, 1_030).mapToObj(i -> "p" + i + "=1")
                .collect(Collectors.joining("&"));
        assertNaming(api.get(STAFF, "/api/tickets?" + many + "&q=%00"), 400, "query");
    }

    private HttpResponse<String> rawGet(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Authorization", tokens.bearer(STAFF.user(), STAFF.role(), "ticket-service"));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "/api/tickets/{0} → 4xx")
    @CsvSource({"-1", "0", "99999999999999999999", "1e3", "%00"})
    void aBadTicketIdIsA4xxProblem(String id) {
        Api.Answer answer = api.get(STAFF, "/api/tickets/" + id);
        assertThat(answer.status).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private long ticketCount() {
        try (var c = sql(); var r = c.createStatement().executeQuery(
                "SELECT count(*) FROM tickets WHERE title LIKE '" + PROBE + "%'")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A refusal naming the input it is about: in the detail, or (where the detail is a sentence for people) in the
     * problem's {@code field} member or one of its {@code violations}.
     */
    @SuppressWarnings("unchecked")
    private static void assertNaming(Api.Answer answer, int status, String input) {
        assertThat(answer.status).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        Map<String, Object> problem = answer.map();
        List<Object> named = new java.util.ArrayList<>();
        named.add(problem.get("field"));
        if (problem.get("violations") instanceof List<?> violations) {
            violations.forEach(v -> named.add(((Map<String, Object>) v).get("field")));
        }
        assertThat(String.valueOf(problem.get("detail")).contains(input) || named.contains(input))
                .as(answer + " names " + input).isTrue();
    }
}
