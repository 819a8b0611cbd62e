package campus.helpdesk.system.browser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the services can answer with, as the web UI shows it: each error status named in the services'
 * code, carrying the developer texts people used to see, and a set of real refusals provoked through the gateway,
 * go through the UI's own mapping (api.js's ApiError, words.js); the text shown must never hold a field path or an
 * enum name of the contract ({@link ProblemWords}).
 */
class ProblemWordsInTheBrowserTest {

    /** What people were shown before, each with the input it named. */
    private static final List<Map<String, String>> DEVELOPER_TEXTS = List.of(
            Map.of("detail", "staffCode: the staff role needs the staff access code", "field", "staffCode"),
            Map.of("detail", "title: size must be between 0 and 200", "field", "title"),
            Map.of("detail", "The ticket-service service is not available right now"),
            Map.of("detail", "categorySource: AUTO → STAFF"),
            Map.of("detail", "Ticket 1430 is CLOSED and cannot be changed"),
            Map.of("detail", "size: must be a whole number from 1 to 100", "field", "size"),
            Map.of());

    @Test
    void everyProblemTypeTheServicesCanReturnIsShownWithoutAFieldPathOrAnEnumName() {
        Set<Integer> statuses = ProblemWords.statusesInTheCode();
        assertThat(statuses).contains(400, 401, 403, 404, 409, 422, 503, 504);
        GatewayApi reporter = GatewayApi.signIn(TestGateway.uri(), "Pia Student", "STUDENT");
        long id = reporter.createTicket("Door code broken " + UUID.randomUUID().toString().substring(0, 6),
                "The door code of building F does not work.");
        try (Browser student = new Browser(TestGateway.uri())) {
            student.signIn("Pia Student", "STUDENT");
            @SuppressWarnings("unchecked")
            List<List<String>> byStatus = (List<List<String>>) student.driver.executeAsyncScript("""
                    const [statuses, problems, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
                    import('/js/api.js').then(({ ApiError }) => done(statuses.flatMap(status =>
                      problems.map(p => [String(status), JSON.stringify(p), new ApiError(status, p).message]))));
                    """, new ArrayList<>(statuses), DEVELOPER_TEXTS);
            assertThat(byStatus).hasSize(statuses.size() * DEVELOPER_TEXTS.size());
            byStatus.forEach(shown -> assertForPeople(shown.get(2), "status " + shown.get(0) + " " + shown.get(1)));

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> real = (List<Map<String, Object>>) student.driver.executeAsyncScript(
                    REAL_REFUSALS, id, "k-" + UUID.randomUUID());
            assertThat(real).hasSize(15).allSatisfy(r -> assertThat(((Number) r.get("status")).intValue())
                    .as(r.toString()).isBetween(400, 599));
            for (Map<String, Object> r : real) {
                @SuppressWarnings("unchecked")
                List<String> texts = (List<String>) r.get("shown");
                texts.forEach(text -> assertForPeople(text, r.get("request") + " -> " + r.get("status")));
            }
        }
    }

    private static void assertForPeople(String text, String what) {
        assertThat(text).as(what).isNotBlank();
        assertThat(ProblemWords.fieldPathIn(text)).as(what + " shows \"" + text + "\"").isNull();
        assertThat(ProblemWords.enumNameIn(text)).as(what + " shows \"" + text + "\"").isNull();
    }

    /** Real refusals through the gateway; what the page shows for each: the message and each input's message. */
    private static final String REAL_REFUSALS = """
            const [id, key, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
            Promise.all([import('/js/api.js'), import('/js/words.js')]).then(async ([{ ApiError }, { violationText }]) => {
              const json = JSON.stringify;
              const cases = [
                ['POST', '/api/tickets', '{}'],
                ['POST', '/api/tickets', json({ title: 'x'.repeat(201), description: 'Cold' })],
                ['POST', '/api/tickets', 'not json'],
                ['POST', '/api/tickets', json({ title: 'Lift', description: 'Stuck', priority: 'URGENT' })],
                ['GET', '/api/tickets/987654321'],
                ['POST', '/api/tickets/987654321/messages', json({ body: 'Hello?' })],
                ['POST', `/api/tickets/${id}/messages`, json({ body: '' })],
                ['POST', `/api/tickets/${id}/messages`, json({ body: 'Hi' }), { 'Idempotency-Key': 'k'.repeat(201) }],
                ['POST', `/api/tickets/${id}/messages`, json({ body: 'First' }), { 'Idempotency-Key': key }],
                ['GET', '/api/tokens'],
                ['GET', '/api/tickets?size=abc'],
                ['GET', '/api/tickets?status=CLOSED'],
                ['POST', `/api/tickets/${id}/status`, json({ status: 'ACTIVE' })],
                ['PATCH', `/api/tickets/${id}`, json({ title: 'Door' }), { 'If-Match': '0' }],
                ['POST', '/api/session', json({ name: 'Pia', role: 'ADMIN' })],
              ];
              // The one with a key is sent twice, with another body the second time: a 422.
              await fetch(`/api/tickets/${id}/messages`, { method: 'POST', credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: json({ body: 'Zero' }) });
              const out = [];
              for (const [method, path, body, headers] of cases) {
                const res = await fetch(path, { method, body, credentials: 'same-origin',
                  headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(headers || {}) } });
                const problem = await res.json().catch(() => null);
                const err = new ApiError(res.status, problem);
                out.push({ request: `${method} ${path}`, status: res.status,
                  shown: [err.message, ...err.violations.map(violationText)] });
              }
              done(out);
            }).catch(e => done([{ request: 'script', status: 0, shown: [String(e)] }]));
            """;
}
