package campus.helpdesk.ticket.counts;

import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TicketCountsTest extends ApiTest {

    @BeforeAll
    void aDeskWithTicketsInEveryState() throws Exception {
        for (int i = 0; i < 36; i++) {
            String what = i % 4 == 0 ? "Printer jammed on floor " + i : "Projector dark in room " + i;
            long id = create(i % 2 == 0 ? STUDENT : OTHER_STUDENT, what, what + ", since this morning.").id();
            switch (i % 6) {
                case 1, 2 -> move(id, TicketStatus.ACTIVE);
                case 3, 4 -> createdAndClosed(id);
                case 5 -> {
                    if (i % 12 == 5) {
                        assertThat(api.delete(STAFF, "/api/tickets/" + id).status).isEqualTo(204);
                    }
                }
                default -> {
                }
            }
        }
        // Spread categories, priorities, review flags and opening days, so every filter splits the tickets.
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tickets SET category = (ARRAY['FACILITY', 'IT', 'SERVICES'])[1 + id % 3]::ticket_category,"
                    + " priority = (ARRAY['LOW', 'MEDIUM', 'HIGH'])[1 + id / 3 % 3]::ticket_priority,"
                    + " needs_review = id % 5 = 0,"
                    + " opened_at = timestamptz '2026-01-01 00:00:00Z' + id * interval '1 day'");
        }
    }

    private void createdAndClosed(long id) {
        move(id, TicketStatus.ACTIVE);
        move(id, TicketStatus.CLOSED);
    }

    @ParameterizedTest(name = "filters [{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                                        | true",
            "category=IT                               | category = 'IT'",
            "priority=HIGH,LOW                         | priority IN ('HIGH', 'LOW')",
            "openedFrom=2026-01-10&openedTo=2026-01-25 | opened_at >= '2026-01-10 00:00+00' AND opened_at < '2026-01-26 00:00+00'",
            "needsReview=true                          | needs_review",
            "q=printer                                 | to_tsvector('simple', title) @@ to_tsquery('simple', 'printer')",
            "q=printer&category=FACILITY               | title ILIKE 'printer%' AND category = 'FACILITY'",
    })
    void eachRoleGetsTheSqlCountOfEveryStatusItMaySee(String filters, String sqlCondition) throws Exception {
        Map<TicketStatus, Long> truth = sqlCounts(sqlCondition);
        assertThat(truth.values().stream().mapToLong(Long::longValue).sum()).as("the filter matches something")
                .isPositive();

        TicketCounts staff = counts(STAFF, filters);
        assertThat(staff.byStatus()).isEqualTo(truth);

        TicketCounts student = counts(STUDENT, filters);
        Map<TicketStatus, Long> studentTruth = new EnumMap<>(truth);
        studentTruth.remove(TicketStatus.CLOSED);
        assertThat(student.byStatus()).as("a student's counts have no CLOSED entry at all").isEqualTo(studentTruth);
    }

    @Test
    void eachCountIsTheTotalTheListShowsForThatStatus() {
        for (String filters : new String[]{"", "category=SERVICES", "q=projector&priority=MEDIUM"}) {
            TicketCounts counts = counts(STAFF, filters);
            for (TicketStatus status : TicketStatus.values()) {
                TicketPage list = api.get(STAFF, "/api/tickets?status=" + status + "&" + filters).as(TicketPage.class);
                assertThat(counts.byStatus().get(status)).as("%s with %s", status, filters).isEqualTo(list.total());
            }
        }
    }

    @Test
    void theJsonNamesEachStatus() {
        Api.Answer answer = api.get(STUDENT, "/api/tickets/counts");
        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.raw.body()).matches(
                "\\{\"byStatus\":\\{\"OPEN\":\\d+,\"ACTIVE\":\\d+},\"byView\":\\{\"mine\":\\d+,\"all\":\\d+}}");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
            "category=PURPLE, category",
            "priority=URGENT, priority",
            "openedFrom=yesterday, openedFrom",
            "openedFrom=2026-03-01&openedTo=2026-02-01, openedFrom",
            "needsReview=maybe, needsReview",
    })
    void aBadFilterIsA400NamingIt(String filters, String field) {
        Api.Answer answer = api.get(STAFF, "/api/tickets/counts?" + filters);
        assertProblem(answer, 400, field);
        assertThat(answer.map().get("field")).isEqualTo(field);
    }

    @Test
    void aTooLongSearchIsA400() {
        assertProblem(api.get(STUDENT, "/api/tickets/counts?q=" + "x".repeat(201)), 400, "q");
    }

    @Test
    void onlyPeopleMayCount() {
        assertThat(api.get(FEED, "/api/tickets/counts").status).isEqualTo(403);
        assertThat(api.get(null, "/api/tickets/counts").status).isEqualTo(401);
    }

    private TicketCounts counts(Api.As who, String filters) {
        Api.Answer answer = api.get(who, "/api/tickets/counts" + (filters.isEmpty() ? "" : "?" + filters));
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(TicketCounts.class);
    }

    private Map<TicketStatus, Long> sqlCounts(String condition) throws Exception {
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            counts.put(status, 0L);
        }
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("SELECT status::text, count(*) FROM tickets"
                + " WHERE deleted_at IS NULL AND (" + condition + ") GROUP BY status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return counts;
    }
}
