package campus.helpdesk.system.browser;

import campus.helpdesk.api.NewMessage;
import campus.helpdesk.client.MessageClient;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.system.GatewayClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing, from the reporter's side: the student who has their ticket open sees it solved live, with the last
 * public answer and no message box; their list says once which tickets were solved; "Still not fixed?" files a
 * follow-up naming the old ticket. Another student's open pages learn nothing about it.
 */
class SolvedInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void theReporterSeesTheirTicketSolvedLiveWithTheLastAnswerAndAnotherStudentSeesNothing() {
        String word = unique();
        String reporterName = "Rosa Student " + word;
        String staffName = "Bob Staff " + word;
        GatewayApi reporterApi = GatewayApi.signIn(gateway, reporterName, "STUDENT");
        long id = reporterApi.createTicket("Radiator " + word + " is cold", "The radiator in room A3 stays cold.");
        GatewayApi staffApi = GatewayApi.signIn(gateway, staffName, "STAFF");
        staffApi.move(id, "ACTIVE");
        try (Browser reporter = new Browser(gateway); Browser other = new Browser(gateway)) {
            reporter.signIn(reporterName, "STUDENT");
            reporter.open("#/tickets/" + id);
            reporter.waitFor(By.id("ticket-description"));
            reporter.waitFor(By.name("body"));
            other.signIn("Otto Student " + word, "STUDENT");
            other.open("#/tickets/" + id);
            other.waitFor(By.id("ticket-description"));
            for (Browser b : new Browser[] {reporter, other}) {
                b.waitUntil(d -> "open".equals(b.script("return document.documentElement.dataset.live")));
            }

            say(staffName, id, "The valve was stuck " + word + ": fixed", false);
            say(staffName, id, "Third time this winter " + word, true);
            staffApi.move(id, "CLOSED");

            reporter.waitForText(By.id("solved-line"), "Solved by " + staffName + " at ");
            assertThat(reporter.text(By.id("solved-answer")))
                    .contains("The valve was stuck " + word + ": fixed").doesNotContain("Third time");
            assertThat(reporter.driver.findElements(By.name("body"))).as("the message box is gone").isEmpty();
            assertThat(reporter.text(By.tagName("body")))
                    .doesNotContain("does not exist").doesNotContain("Third time");
            reporter.screenshot("40-reporter-sees-ticket-solved-live");

            // The other student's page hears nothing of it: it still shows the ticket as it was, no solved view.
            other.open("#/tickets");
            other.waitFor(By.tagName("h1"));
            assertThat(other.driver.findElements(By.id("solved-notice"))).isEmpty();
            assertThat(other.driver.findElements(By.id("ticket-solved"))).isEmpty();
            assertThat(other.text(By.tagName("body"))).doesNotContain("valve");

            // Opening one's own closed ticket by its address shows the same solved view, not "closed or removed".
            reporter.open("#/tickets");
            reporter.waitFor(By.tagName("h1"));
            reporter.open("#/tickets/" + id);
            reporter.waitForText(By.id("solved-line"), "Solved by " + staffName);
        }
    }

    @Test
    void theListSaysOnceWhichTicketsWereSolvedKeepsThemFindableAndStillNotFixedFilesAFollowUp() {
        String word = unique();
        String reporterName = "Sara Student " + word;
        String staffName = "Bea Staff " + word;
        long id = GatewayApi.signIn(gateway, reporterName, "STUDENT")
                .createTicket("Printer " + word + " jams", "The printer on floor 2 jams on every page.",
                        "Library, floor 2");
        GatewayApi staffApi = GatewayApi.signIn(gateway, staffName, "STAFF");
        answerAndClose(staffApi, staffName, id, "New rollers fitted " + word);
        try (Browser reporter = new Browser(gateway)) {
            reporter.signIn(reporterName, "STUDENT");
            reporter.open("#/tickets");
            reporter.waitForText(By.id("solved-notice"), "1 of your tickets was solved");
            assertThat(reporter.text(By.id("solved-notice"))).contains("Printer " + word);
            reporter.screenshot("41-list-says-ticket-solved");
            // Said once: the list acknowledged it, so the next visit does not say it again.
            reporter.waitUntil(d -> Boolean.TRUE.equals(reporter.script("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.endsWith('/api/tickets/" + id + "/read') && e.responseEnd > 0)")));
            reporter.open("#/report");
            reporter.waitFor(By.name("title"));
            reporter.open("#/tickets");
            reporter.waitFor(By.cssSelector(".results"));
            reporter.waitUntil(d -> d.findElements(By.id("solved-notice")).isEmpty());
            // Still findable, folded under the list for 30 days: its line opens how it ended.
            reporter.waitForText(By.cssSelector("#recently-solved summary"), "Solved in the last 30 days (1)");
            reporter.click(By.cssSelector("#recently-solved summary"));
            reporter.click(By.cssSelector("#recently-solved a[href='#/tickets/" + id + "']"));
            reporter.waitForText(By.cssSelector(".solved-card"), "New rollers fitted " + word);

            reporter.open("#/tickets/" + id);
            reporter.click(By.id("still-not-fixed"));
            reporter.waitForText(By.id("report-follows-up"), "Follows up on #" + id);
            reporter.waitUntil(d -> d.findElement(By.name("title")).getAttribute("value").contains("Printer " + word));
            reporter.waitUntil(d -> d.findElement(By.name("location")).getAttribute("value").equals("Library, floor 2"));
            // Prefilled text is offered a category at once, as typed text is.
            reporter.waitUntil(d -> !d.findElement(By.name("category")).getAttribute("value").isEmpty());
            reporter.driver.findElement(By.name("description")).sendKeys("It jams again since this morning.");
            long followUp = reporter.submitReport();
            reporter.waitForText(By.id("follows-up"), "Follows up on #" + id);
            assertThat(staffApi.get("/api/tickets/" + followUp).get("previousTicketId").asLong()).isEqualTo(id);
        }
        try (Browser staff = new Browser(gateway)) {
            staff.signIn(staffName, "STAFF");
            long followUp = followUpOf(staffApi, id);
            staff.open("#/tickets/" + followUp);
            staff.click(By.cssSelector("#follows-up a"));
            staff.waitUntil(d -> d.getCurrentUrl().endsWith("#/tickets/" + id));
            staff.waitForText(By.cssSelector(".ticket-head"), "Printer " + word);
        }
    }

    /**
     * A student's own closed ticket is no longer theirs to read: the page asks the ticket, learns that from its one
     * refusal and shows how it ended, without asking the messages, history and files it may not read (which the
     * browser's console would list as three more failed requests).
     */
    @Test
    void aStudentOpeningTheirSolvedTicketAsksNothingTheyMayNotRead() {
        String word = unique();
        String reporterName = "Tia Student " + word;
        String staffName = "Max Staff " + word;
        long id = GatewayApi.signIn(gateway, reporterName, "STUDENT")
                .createTicket("Window " + word + " does not close", "The window in room C1 does not close.");
        GatewayApi staffApi = GatewayApi.signIn(gateway, staffName, "STAFF");
        answerAndClose(staffApi, staffName, id, "New handle fitted " + word);
        try (Browser reporter = new Browser(gateway)) {
            reporter.signIn(reporterName, "STUDENT");
            reporter.open("#/report");
            reporter.waitFor(By.name("title"));
            reporter.script("performance.clearResourceTimings()");
            reporter.open("#/tickets/" + id);
            reporter.waitForText(By.id("solved-line"), "Solved by " + staffName);
            // Seen, it is acknowledged: once that answer is in, every request of the page has been made.
            reporter.waitUntil(d -> Boolean.TRUE.equals(reporter.script("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.endsWith('/api/tickets/" + id + "/read') && e.responseEnd > 0)")));
            @SuppressWarnings("unchecked")
            List<String> asked = (List<String>) reporter.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => new URL(e.name).pathname.startsWith('/api/tickets/'))"
                    + ".map(e => new URL(e.name).pathname + ' ' + e.responseStatus)");
            assertThat(asked).as("requests of the page").filteredOn(r -> !r.matches(".* [23]\\d\\d"))
                    .containsExactly("/api/tickets/" + id + " 404");
            assertThat(asked).as("requests of the page").anyMatch(r -> r.startsWith("/api/tickets/" + id + "/closure "))
                    .noneMatch(r -> r.matches(".*/(messages|history|attachments) \\d+"));
        }
    }

    private static long followUpOf(GatewayApi staffApi, long previous) {
        for (var t : staffApi.get("/api/tickets?size=100&sort=openedAt,desc").path("items")) {
            if (t.path("previousTicketId").asLong() == previous) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no follow-up of #" + previous + " in the queue");
    }

    /** Staff take the ticket, answer it in public and close it. */
    private static void answerAndClose(GatewayApi staffApi, String staffName, long id, String answer) {
        staffApi.move(id, "ACTIVE");
        say(staffName, id, answer, false);
        staffApi.move(id, "CLOSED");
    }

    private static void say(String staffName, long id, String body, boolean internal) {
        OnBehalfOf.person(staffName, "STAFF").run(() -> GatewayClients.at(gateway, MessageClient.class)
                .post(id, new NewMessage(body, internal)));
    }

    private static String unique() {
        return "T" + UUID.randomUUID().toString().substring(0, 6);
    }
}
