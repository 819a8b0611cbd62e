package campus.helpdesk.ticket.problem;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

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
        assertProblem(answer, 400, field);
        assertThat(answer.raw.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void fieldsOverTheirMaximumLengthAreRefused() {
        assertProblem(api.post(STUDENT, "/api/tickets", Map.of("title", "x", "description", "d".repeat(10_001))),
                400, "description");
        assertProblem(api.post(STUDENT, "/api/tickets", Map.of("title", "t".repeat(201), "description", "d")),
                400, "title");
        assertProblem(api.post(STUDENT, "/api/tickets", Map.of("title", "t", "description", "d",
                "location", "l".repeat(101))), 400, "location");
    }

    @Test
    void aTooLongMessageOrAWrongPatchTypeIsRefused() {
        Ticket ticket = create();
        assertProblem(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "m".repeat(5_001))), 400, "body");
        assertProblem(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "")), 400,
                "body");
        assertProblem(api.send(STUDENT, "PATCH", "/api/tickets/" + ticket.id(),
                "{\"version\": \"three\"}", Map.of()), 400, "version");
        assertProblem(api.send(STUDENT, "PATCH", "/api/tickets/" + ticket.id(),
                "{\"title\": \"\", \"version\": 1}", Map.of()), 400, "title");
        assertProblem(api.send(STAFF, "POST", "/api/tickets/" + ticket.id() + "/status",
                "{\"status\": \"REOPENED\"}", Map.of()), 400, "status");
        assertProblem(api.send(STAFF, "PATCH", "/api/tickets/" + ticket.id(), Map.of("title", "x"),
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
        assertProblem(api.get(STAFF, "/api/tickets?" + query), 400, parameter);
    }

    @Test
    void aTicketIdThatIsNotANumberIsA400NotA500() {
        Api.Answer answer = api.get(STAFF, "/api/tickets/abc");
        assertThat(answer.status).as(answer.toString()).isIn(400, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownTicketIsA404Problem() {
        assertProblem(api.get(STAFF, "/api/tickets/999999"), 404, "999999");
    }

    @Test
    void aMalformedFeedCursorOrLimitIsA400NamingIt() {
        assertProblem(api.get(FEED, "/api/changes?after=banana"), 400, "after");
        assertProblem(api.get(FEED, "/api/changes?after=1.2.3"), 400, "after");
        assertProblem(api.get(FEED, "/api/changes?limit=1001"), 400, "limit");
        assertProblem(api.get(FEED, "/api/changes?waitMs=30001"), 400, "waitMs");
        assertProblem(api.get(FEED, "/api/changes?limit=lots"), 400, "limit");
    }

    @Test
    void aTooLongIdempotencyKeyIsA400() {
        Api.Answer answer = api.send(STUDENT, "POST", "/api/tickets", Map.of("title", "x", "description", "d"),
                Map.of("Idempotency-Key", "k".repeat(201)));
        assertProblem(answer, 400, "Idempotency-Key");
    }
}
