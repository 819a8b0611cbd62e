package campus.helpdesk.ticket.problem;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body is read as the types it was written for, or refused with nothing changed: the framework's reader alone
 * would turn these into other values and store them.
 */
@MicronautTest(transactional = false)
class StrictBodyTest extends ApiTest {

    private static final String PROBE = "Strict body probe";

    @ParameterizedTest(name = "internal: {0}")
    @ValueSource(strings = {"\"True\"", "\"true\"", "\"1\"", "1", "[true]", "\"yes\""})
    void aNoteIsInternalOnlyWhenSaidSoWithTrueOrFalse(String internal) throws SQLException {
        Ticket ticket = create();
        long before = messages(ticket.id());
        Api.Answer answer = api.send(STAFF, "POST", "/api/tickets/" + ticket.id() + "/messages",
                "{\"body\": \"Checked the router; it was the fuse.\", \"internal\": " + internal + "}", Map.of());
        assertNaming(answer, "internal");
        assertThat(messages(ticket.id())).as("no message stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"title\": [\"" + PROBE + "\"], \"description\": \"printer broken\"}|title",
            "{\"title\": 123, \"description\": \"printer broken\"}|title",
            "{\"title\": \"" + PROBE + "\", \"description\": \"printer broken\", \"location\": true}|location",
            "{\"title\": \"" + PROBE + "\", \"description\": \"printer broken\", \"previousTicketId\": 1.7}|previousTicketId",
            "{\"title\": \"" + PROBE + "\", \"description\": \"printer broken\", \"previousTicketId\": 99999999999999999999}|previousTicketId",
            "{\"title\": \"" + PROBE + " one\", \"title\": \"" + PROBE + " two\", \"description\": \"printer\"}|title",
            "{\"title\": \"" + PROBE + "\", \"description\": \"printer broken\"} {}|body",
            "{\"title\": \"" + PROBE + " a\\ud800b\", \"description\": \"printer broken\"}|title",
            "{\"title\": \"" + PROBE + "\", \"description\": \"printer \\udc00 broken\"}|description",
            "{\"title\": \"\\u200b\\u200b\\u200b\", \"description\": \"" + PROBE + "\"}|title",
            "{\"title\": \"" + PROBE + "\", \"description\": \"\\u00a0\\u3000\\u2003\"}|description",
            "{\"title\": \"" + PROBE + "\", \"description\": \"\\u3164\\u2800\\u0301\"}|description",
            "{\"title\": \"" + PROBE + " invoice\\u202efdp.exe\", \"description\": \"printer broken\"}|title",
            "{\"title\": \"" + PROBE + "\", \"description\": \"an isolate \\u2067 never closed\"}|description",
            "{\"title\": \"" + PROBE + "\", \"description\": \"\\u202ea \\u2066nested\\u2069 b\\u202c\"}|description",
            "{\"title\": \"" + PROBE + "\", \"description\": \"printer\", \"location\": \"Lab \\u202c\"}|location",
            "{\"title\": \"" + PROBE + " \\u009b31m red\", \"description\": \"printer broken\"}|title",
            "{\"title\": \"" + PROBE + "\", \"description\": \"next\\u0085line\"}|description",
    })
    void aTicketBodyOfTheWrongShapeIsRefusedAndNothingIsFiled(String caseText) throws SQLException {
        String[] parts = caseText.split("\\|");
        long before = probes();
        assertNaming(api.send(STUDENT, "POST", "/api/tickets", parts[0], Map.of()), parts[1]);
        assertThat(probes()).as("no ticket filed").isEqualTo(before);
    }

    /** A browser's write carries an Origin, and with one the framework runs its filters another way (FilterBody). */
    @Test
    void aBrowsersBodyIsHeldToTheSameShapeAndAGoodOneIsFiled() throws SQLException {
        Map<String, String> page = Map.of("Origin", "http://localhost:8080");
        long before = probes();
        assertNaming(api.send(STUDENT, "POST", "/api/tickets", "{\"title\": \"" + PROBE + " 1\", \"title\": \""
                + PROBE + " 2\", \"description\": \"printer\"}", page), "title");
        assertThat(probes()).as("no ticket filed").isEqualTo(before);
        Api.Answer good = api.send(STUDENT, "POST", "/api/tickets", "{\"title\": \"" + PROBE + " from a page\", "
                + "\"description\": \"printer\"}", page);
        assertThat(good.status).as(good.toString()).isEqualTo(201);
        assertThat(probes()).isEqualTo(before + 1);
    }

    /** The framework would read a body without a Content-Type as JSON, past the strict check, which wants one. */
    @Test
    void aBodyWithoutAContentTypeIsRefusedNamingIt() throws SQLException {
        long before = probes();
        Api.Answer twice = api.sendBytes(STUDENT, "POST", "/api/tickets", ("{\"title\": \"" + PROBE + " 1\", "
                + "\"title\": \"" + PROBE + " 2\", \"description\": \"printer\"}").getBytes(StandardCharsets.UTF_8),
                null);
        assertThat(twice.status).as(twice.toString()).isEqualTo(415);
        assertThat(twice.map()).containsEntry("field", "Content-Type");
        assertThat(probes()).as("no ticket filed").isEqualTo(before);
    }

    @Test
    void overlongUtf8IsRefusedNotDecoded() throws SQLException {
        byte[] prefix = ("{\"title\": \"" + PROBE + " \u0000").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length - 1 + 2];
        System.arraycopy(prefix, 0, body, 0, prefix.length - 1);
        body[body.length - 2] = (byte) 0xC0;
        body[body.length - 1] = (byte) 0xAF; // "/" in two bytes, which UTF-8 forbids
        byte[] rest = "\", \"description\": \"printer broken\"}".getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[body.length + rest.length];
        System.arraycopy(body, 0, whole, 0, body.length);
        System.arraycopy(rest, 0, whole, body.length, rest.length);
        long before = probes();
        assertNaming(api.sendBytes(STUDENT, "POST", "/api/tickets", whole, "application/json"), "body");
        assertThat(probes()).isEqualTo(before);
    }

    @Test
    void anEditToBlankOrInvisibleTextOrWithAFractionalVersionChangesNothing() {
        Ticket ticket = create();
        String path = "/api/tickets/" + ticket.id();
        assertNaming(api.send(STUDENT, "PATCH", path, "{\"title\": \"  \", \"version\": " + ticket.version() + "}",
                Map.of()), "title");
        assertNaming(api.send(STUDENT, "PATCH", path, "{\"description\": \"\\u200b\", \"version\": "
                + ticket.version() + "}", Map.of()), "description");
        assertNaming(api.send(STUDENT, "PATCH", path, "{\"location\": \"Lab 10\", \"version\": "
                + ticket.version() + ".9}", Map.of()), "version");
        Ticket after = api.get(STUDENT, path).as(Ticket.class);
        assertThat(after.version()).isEqualTo(ticket.version());
        assertThat(after.title()).isEqualTo(ticket.title());
    }

    /** "me" and "none" are the queue filter's words for the caller and for nobody: no filter could find such a name. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\u200b", "none", " Me ", "NONE", "Ann\\nLee", "Ann\\tLee"})
    void aHandoverToANameNoListCouldShowOrFilterIsRefused(String name) {
        Ticket ticket = create();
        assertNaming(api.send(STAFF, "POST", "/api/tickets/" + ticket.id() + "/assignee",
                "{\"assignee\": \"" + name + "\"}", Map.of("If-Match", String.valueOf(ticket.version()))), "assignee");
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class).assignee()).isNull();
    }

    @Test
    void wellFormedBodiesStillPass() {
        Api.Answer created = api.send(STUDENT, "POST", "/api/tickets", "{\"title\": \"" + PROBE
                + " \uD83D\uDDA8\uFE0F printer\", \"description\": \"It prints  \\u00a0 nothing \uD83D\uDC68\u200D\uD83D\uDCBB\","
                + " \"previousTicketId\": null, \"unknown\": [1, {\"a\": \"\\ud800\"}]}", Map.of());
        assertThat(created.status).as(created.toString()).isEqualTo(201);
        Ticket ticket = created.as(Ticket.class);
        Api.Answer note = api.send(STAFF, "POST", "/api/tickets/" + ticket.id() + "/messages",
                "{\"body\": \"Internal check\", \"internal\": true}", Map.of());
        assertThat(note.status).as(note.toString()).isEqualTo(201);
        assertThat(note.map().get("internal")).isEqualTo(true);
    }

    private long messages(long ticket) throws SQLException {
        return count("SELECT count(*) FROM ticket_message WHERE ticket_id = " + ticket);
    }

    private long probes() throws SQLException {
        return count("SELECT count(*) FROM tickets WHERE title LIKE '" + PROBE + "%' OR description LIKE '" + PROBE
                + "%' OR title LIKE '%" + "\u200b" + "%'");
    }

    private static void assertNaming(Api.Answer answer, String field) {
        assertThat(answer.status).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.raw.body()).doesNotContain("Exception").doesNotContain("\tat ");
        Map<String, Object> problem = answer.map();
        boolean named = field.equals(problem.get("field")) || (problem.get("violations") instanceof java.util.List<?> v
                && v.stream().anyMatch(x -> x instanceof Map<?, ?> m && field.equals(m.get("field"))));
        assertThat(named).as(answer + " names " + field).isTrue();
    }
}
