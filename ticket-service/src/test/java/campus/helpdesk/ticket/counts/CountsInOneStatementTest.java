package campus.helpdesk.ticket.counts;

import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import campus.helpdesk.ticket.search.TicketSearch;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts cost one SQL statement per request, whatever the caller and the filters, and a text search still
 * counts exactly as far as the list's total does ({@link TicketSearch#MAX_TEXT_TOTAL} per status): the desk here has
 * more printer tickets than that in two statuses.
 */
@MicronautTest(transactional = false)
class CountsInOneStatementTest extends ApiTest {

    private static final int OPEN_PRINTERS = TicketSearch.MAX_TEXT_TOTAL + 50;
    private static final int ACTIVE_PRINTERS = 3;
    private static final int CLOSED_PRINTERS = TicketSearch.MAX_TEXT_TOTAL;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // Every execution parses its SQL (no server-side prepared statements), so the driver's log names each one;
        // and no feed sweeps run meanwhile, so every statement logged during a request is the request's.
        properties.put("datasources.default.url", properties.get("datasources.default.url") + "?prepareThreshold=0");
        properties.put("helpdesk.feed.sequencer.enabled", "false");
        return properties;
    }

    @BeforeAll
    void moreMatchesThanATextSearchCountsInTwoStatuses() throws Exception {
        int printers = OPEN_PRINTERS + ACTIVE_PRINTERS + CLOSED_PRINTERS;
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tickets (title, description, status, category, category_confidence,"
                    + " priority, reporter_name)"
                    + " SELECT 'Printer jammed on floor ' || i, 'Paper stuck since the morning.',"
                    + " (CASE WHEN i <= " + OPEN_PRINTERS + " THEN 'OPEN'"
                    + " WHEN i <= " + (OPEN_PRINTERS + ACTIVE_PRINTERS) + " THEN 'ACTIVE'"
                    + " ELSE 'CLOSED' END)::ticket_status,"
                    + " (ARRAY['FACILITY', 'IT', 'SERVICES'])[1 + i % 3]::ticket_category, 0.9,"
                    + " (ARRAY['LOW', 'MEDIUM', 'HIGH'])[1 + i / 3 % 3]::ticket_priority, 'Ada Student'"
                    + " FROM generate_series(1, " + printers + ") i");
            s.executeUpdate("INSERT INTO tickets (title, description, status, category, category_confidence,"
                    + " reporter_name)"
                    + " SELECT 'Projector dark in room ' || i, 'No image at all.',"
                    + " (ARRAY['OPEN', 'ACTIVE', 'CLOSED'])[1 + i % 3]::ticket_status, 'FACILITY', 0.9, 'Ada Student'"
                    + " FROM generate_series(1, 30) i");
            s.execute("ANALYZE tickets");
        }
    }

    @Test
    void aTextSearchCountsEachStatusAsFarAsItsListsTotalGoes() {
        assertThat(counts(STAFF, "q=printer").byStatus()).isEqualTo(Map.of(
                TicketStatus.OPEN, (long) TicketSearch.MAX_TEXT_TOTAL,
                TicketStatus.ACTIVE, (long) ACTIVE_PRINTERS,
                TicketStatus.CLOSED, (long) TicketSearch.MAX_TEXT_TOTAL));
        assertThat(counts(STUDENT, "q=printer").byStatus()).isEqualTo(Map.of(
                TicketStatus.OPEN, (long) TicketSearch.MAX_TEXT_TOTAL,
                TicketStatus.ACTIVE, (long) ACTIVE_PRINTERS));
        for (String filters : new String[]{"q=printer", "q=printer&priority=LOW,HIGH", "q=printer&category=IT",
                "q=projector", "q=zebra"}) {
            TicketCounts counts = counts(STAFF, filters);
            for (TicketStatus status : TicketStatus.values()) {
                TicketPage list = api.get(STAFF, "/api/tickets?status=" + status + "&" + filters).as(TicketPage.class);
                assertThat(counts.byStatus().get(status)).as("%s with %s", status, filters).isEqualTo(list.total());
            }
        }
    }

    @Test
    void aCountsRequestIsOneStatementForEveryCallerAndFilter() {
        for (Api.As who : new Api.As[]{STAFF, STUDENT}) {
            for (String filters : new String[]{"", "category=IT&priority=LOW", "needsReview=false&openedFrom=2026-01-01",
                    "q=printer", "q=printer&category=SERVICES", "q=zebra"}) {
                try (DriverLog log = DriverLog.start()) {
                    counts(who, filters);
                    assertThat(log.statements()).as("%s with [%s]", who.role(), filters).hasSize(1);
                }
            }
        }
    }

    private TicketCounts counts(Api.As who, String filters) {
        Api.Answer answer = api.get(who, "/api/tickets/counts" + (filters.isEmpty() ? "" : "?" + filters));
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(TicketCounts.class);
    }

    /** The SQL the PostgreSQL driver parses while it listens (its FINEST log of the protocol's Parse messages). */
    private static final class DriverLog extends Handler implements AutoCloseable {

        private static final Logger DRIVER = Logger.getLogger("org.postgresql");

        private final List<String> parsed = new CopyOnWriteArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();
        private final Level levelBefore = DRIVER.getLevel();

        static DriverLog start() {
            DriverLog log = new DriverLog();
            log.setLevel(Level.ALL);
            DRIVER.addHandler(log);
            DRIVER.setLevel(Level.FINEST);
            return log;
        }

        /** Every non-empty statement (the pool's connection check is an empty one). */
        List<String> statements() {
            List<String> statements = new ArrayList<>();
            for (String message : parsed) {
                if (message.contains("FE=> Parse(") && !message.contains("query=\"\"")) {
                    statements.add(message);
                }
            }
            return statements;
        }

        @Override
        public void publish(LogRecord record) {
            parsed.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            DRIVER.setLevel(levelBefore);
            DRIVER.removeHandler(this);
        }
    }
}
