package campus.helpdesk.system.browser;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.system.Signals;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student presses "Send" in the second the desk stalls (a long garbage collection, a busy database, the first
 * morning of term): the gateway answers 504 to the page's first try. The page sends the report again under the same
 * Idempotency-Key, so it is filed once and the student lands on it without pressing anything.
 */
class ReportThroughAStallInTheBrowserTest {

    /** Past the gateway's 1.5 s timeout for the first try, and ended before the page's second. */
    private static final long STALL_MS = 2_000;

    @Test
    void aReportSentWhileTicketServiceStallsIsFiledOnceWithoutAnotherClick() throws Exception {
        ProcessHandle ticketService = ProcessHandle.of(SharedSuite.get().pid(Service.TICKET_SERVICE)).orElseThrow();
        String title = "Printer jam in the stall test " + UUID.randomUUID();
        try (Browser student = new Browser(SharedSuite.uri(Service.GATEWAY))) {
            student.signIn("Stella Student", "STUDENT");
            student.open("#/report");
            student.waitFor(By.name("title")).sendKeys(title);
            student.driver.findElement(By.name("description")).sendKeys("The printer in room 2.14 jams on every page.");
            // The similar tickets are asked for after a pause in typing: answered before the stall, not during it.
            student.awaitSimilarTickets();
            Signals.send("STOP", ticketService.pid());
            student.click(By.cssSelector("form button[type=submit]"));
            // Counted from the click, so that the first try meets the stall whenever a busy machine lets it leave.
            Thread.ofVirtual().start(() -> resumeLater(ticketService));
            student.waitUntil(d -> d.getCurrentUrl().contains("#/tickets/"));

            student.waitFor(By.id("ticket-description"));
            assertThat(filed(title)).as("tickets with the report's title").isEqualTo(1);
            Object sent = student.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.initiatorType === 'fetch' && new URL(e.name).pathname === '/api/tickets').length");
            assertThat(((Number) sent).intValue()).as("the report was sent again after the 504").isGreaterThan(1);
        } finally {
            Signals.send("CONT", ticketService.pid());
        }
    }

    private static void resumeLater(ProcessHandle process) {
        try {
            Thread.sleep(STALL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Signals.send("CONT", process.pid());
        }
    }

    private static long filed(String title) throws Exception {
        try (Connection db = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             PreparedStatement count = db.prepareStatement("SELECT count(*) FROM tickets WHERE title = ?")) {
            count.setString(1, title);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
