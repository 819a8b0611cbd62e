package campus.helpdesk.system.browser;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.Suite;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.system.trust.GatewayClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Mass incidents in real browsers against the whole suite: a student typing a report of an outage that is already
 * reported is offered it and joins it ("This is my problem too") instead of filing a new one; staff select three
 * tickets in the queue, link them to one incident, see its count and unlink one on its page. Every scenario names
 * its tickets with a unique word (also a room, which the similarity counts), so the shared suite's other tickets
 * never push its own out of the five suggestions or change a count it asserts.
 */
class IncidentsInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void aStudentTypingAnOutageThatExistsIsOfferedItAndJoinsIt() {
        String word = unique();
        String studentName = "Lena Student " + word;
        GatewayApi reporter = GatewayApi.signIn(gateway, "Marco Student " + word, "STUDENT");
        long outage = reporter.createTicket("Eduroam down in the library, room " + word,
                "No eduroam connection in the reading room " + word + " of the library since this morning.");
        GatewayApi first = GatewayApi.signIn(gateway, "Ada Student " + word, "STUDENT");
        assertThat(post(first, "/api/tickets/" + outage + "/followers").status()).isEqualTo(204);

        String typed = "eduroam is down in the library I cannot connect to eduroam in reading room " + word
                + ", nothing loads.";
        JsonNode offered = GatewayApi.signIn(gateway, studentName, "STUDENT")
                .get("/api/tickets/similar?text=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        // As the form asks: title and description on one line.
        assertThat(offered.path("items").findValuesAsText("id")).as("the API offers it").contains(String.valueOf(outage));

        try (Browser student = new Browser(gateway)) {
            student.resize(390, 844);
            student.signIn(studentName, "STUDENT");
            student.open("#/report");
            student.waitFor(By.name("title")).sendKeys("eduroam is down in the library");
            student.driver.findElement(By.name("description"))
                    .sendKeys("I cannot connect to eduroam in reading room " + word + ", nothing loads.");
            student.awaitSimilarTickets();
            By offer = By.cssSelector("#similar-tickets li[data-ticket-id='" + outage + "']");
            student.waitFor(offer);
            assertThat(student.text(offer))
                    .contains("Eduroam down in the library, room " + word).contains("1 person joined")
                    .contains("This is my problem too");
            assertThat(student.driver.findElements(By.cssSelector("#similar-tickets li"))).hasSizeLessThanOrEqualTo(5);
            assertThat(student.driver.findElement(By.name("title")).getAttribute("value"))
                    .as("nothing typed is lost").isEqualTo("eduroam is down in the library");
            Object width = student.script("return document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(390);
            student.screenshot("60-report-offers-the-outage");

            student.click(By.cssSelector("button[data-join='" + outage + "']"));
            student.waitUntil(d -> d.getCurrentUrl().endsWith("#/tickets/" + outage));
            student.waitForText(By.id("following"), "You follow this ticket");
            student.screenshot("61-following-the-outage");

            // Joining was instead of filing: the next report starts empty, not from the joined problem's words.
            student.open("#/report");
            student.waitFor(By.name("title"));
            assertThat(student.driver.findElement(By.name("title")).getAttribute("value")).isEmpty();
            assertThat(student.driver.findElement(By.name("description")).getAttribute("value")).isEmpty();
        }

        GatewayApi staffApi = GatewayApi.signIn(gateway, "Sam Staff " + word, "STAFF");
        JsonNode ticket = staffApi.get("/api/tickets/" + outage);
        assertThat(ticket.path("followerCount").asInt()).as("the first follower and the student").isEqualTo(2);
        List<String> joined = events(staffApi.get("/api/tickets/" + outage + "/history"), "FOLLOWED");
        assertThat(joined).containsExactly("Ada Student " + word, studentName);
        JsonNode filed = reporter.get("/api/tickets?q=" + word + "&status=OPEN,ACTIVE");
        assertThat(filed.path("total").asInt()).as("no second report filed").isEqualTo(1);
    }

    @Test
    void staffLinkThreeTicketsFromTheQueueSeeTheCountAndUnlinkOneOnItsPage() {
        String word = unique();
        String staffName = "Nina Staff " + word;
        long a = GatewayApi.signIn(gateway, "Ben Student " + word, "STUDENT")
                .createTicket("Printer " + word + " offline in the library", "The printer " + word + " is offline.");
        long b = GatewayApi.signIn(gateway, "Cleo Student " + word, "STUDENT")
                .createTicket("Cannot print on " + word, "Printing to " + word + " fails since 10.");
        long c = GatewayApi.signIn(gateway, "Dan Student " + word, "STUDENT")
                .createTicket("Library printer " + word + " down", "Nothing prints on " + word + ".");
        GatewayApi staffApi = GatewayApi.signIn(gateway, staffName, "STAFF");

        try (Browser staff = new Browser(gateway)) {
            staff.signIn(staffName, "STAFF");
            staff.open("#/tickets?status=OPEN&q=" + word);
            for (long id : new long[] {a, b, c}) {
                awaitRow(staff, id);
            }
            // One ticket alone is no incident for itself: linked to itself, nothing would be linked.
            staff.click(By.cssSelector("input[data-select='" + a + "']"));
            staff.waitForText(By.cssSelector(".link-bar"), "1 ticket selected");
            assertThat(new Select(staff.driver.findElement(By.id("link-incident"))).getOptions())
                    .extracting(option -> option.getAttribute("value")).doesNotContain(String.valueOf(a));
            staff.click(By.cssSelector("input[data-select='" + a + "']"));
            for (long id : new long[] {a, b, c}) {
                staff.click(By.cssSelector("input[data-select='" + id + "']"));
            }
            staff.waitForText(By.cssSelector(".link-bar"), "3 tickets selected");
            new Select(staff.driver.findElement(By.id("link-incident"))).selectByValue(String.valueOf(a));
            staff.click(By.id("link-selected"));
            staff.waitForText(By.id("link-result"), "2 tickets linked to incident #" + a + ".");
            By badge = By.cssSelector("tr[data-ticket-id='" + a + "'] .incident-badge");
            staff.waitForText(badge, "2 linked");
            assertThat(staff.text(badge)).contains("0 joined");
            staff.waitUntil(d -> d.findElements(By.cssSelector("tr[data-ticket-id='" + b + "']")).isEmpty());
            staff.screenshot("62-queue-incident-folded");
            staff.click(By.id("fold-linked"));
            awaitRow(staff, b);
            staff.waitForText(By.cssSelector("tr[data-ticket-id='" + b + "']"), "in incident #" + a);

            staff.open("#/tickets/" + b);
            staff.waitForText(By.id("part-of-incident"), "Part of incident #" + a);
            staff.click(By.id("unlink"));
            staff.waitUntil(d -> d.findElements(By.id("part-of-incident")).isEmpty());
            staff.waitForText(By.cssSelector(".timeline"), "Unlinked from its incident");
            staff.open("#/tickets/" + a);
            staff.waitForText(By.id("incident-size"), "Incident: 1 linked ticket, 0 people joined");
            staff.screenshot("63-incident-after-unlink");
            // Its linked tickets, unfolded on its page: c, and no longer b.
            staff.waitForText(By.cssSelector("#linked-tickets summary"), "1 linked ticket");
            staff.click(By.cssSelector("#linked-tickets summary"));
            staff.waitForText(By.cssSelector("#linked-list li[data-ticket-id='" + c + "']"), "Open");
            assertThat(staff.driver.findElements(By.cssSelector("#linked-list li[data-ticket-id='" + b + "']")))
                    .isEmpty();
            // Closing it says first that its open linked ticket closes with it; Cancel leaves both as they were.
            staff.click(By.cssSelector("button[data-action=take]"));
            staff.waitFor(By.cssSelector("button[data-action=close]:not([disabled])")).click();
            // Waited for without Browser.waitUntil: its check that the page settled runs a script, which would
            // dismiss the question.
            Alert question = new WebDriverWait(staff.driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).startsWith("Close incident #" + a + " for good?")
                    .contains("Its 1 open linked ticket closes with it");
            question.dismiss();
        }

        assertThat(staffApi.get("/api/tickets/" + a).path("linkedCount").asInt()).isEqualTo(1);
        assertThat(staffApi.get("/api/tickets/" + b).path("incidentId").asLong()).as("unlinked").isZero();
        assertThat(staffApi.get("/api/tickets/" + c).path("incidentId").asLong()).isEqualTo(a);
        assertThat(staffApi.get("/api/tickets/" + c).path("status").asText()).as("not closed: Cancel")
                .isEqualTo("OPEN");
    }

    /**
     * An outage of the desk itself while people open an incident's page: each language's page says it could not
     * load the ticket, and the "Loading…" spinner is gone, not left turning beside that notice as if the ticket
     * were still coming. Stops ticket-service, so it needs the suite this JVM started.
     */
    @Test
    void anIncidentsPageDuringAnOutageShowsTheErrorWithoutASpinnerInEveryLanguage() {
        assumeTrue(System.getProperty("helpdesk.gatewayUrl") == null, "needs the suite this test JVM started");
        String word = unique();
        long outage = GatewayApi.signIn(gateway, "Gia Student " + word, "STUDENT")
                .createTicket("Heating " + word + " off in building A", "No heating in building A " + word + ".");
        long linked = GatewayApi.signIn(gateway, "Ugo Student " + word, "STUDENT")
                .createTicket("Cold rooms " + word + " in building A", "All rooms in building A " + word + " are cold.");
        GatewayApi staffApi = GatewayApi.signIn(gateway, "Eva Staff " + word, "STAFF");
        assertThat(GatewayClient.send(gateway.resolve("/api/tickets/" + outage + "/links"), "POST",
                Map.of("tickets", List.of(linked)), Map.of("Cookie", staffApi.cookie())).status()).isBetween(200, 299);

        Suite suite = SharedSuite.get();
        suite.stop(Service.TICKET_SERVICE);
        try {
            for (String language : List.of("it-IT", "en-GB", "es-ES", "de-DE", "fr-FR")) {
                try (Browser staff = new Browser(gateway, language)) {
                    staff.signIn("Eva Staff " + word, "STAFF");
                    staff.open("#/tickets/" + outage);
                    staff.waitFor(By.cssSelector(".ticket .alert-error"));
                    // Whatever the page still does after its error, it must not show the spinner beside it.
                    staff.waitUntil(d -> d.findElements(By.cssSelector(".ticket .alert-error")).size() == 1);
                    assertThat(staff.driver.findElements(By.cssSelector("#app .spinner, #app .loading")))
                            .as(language + ": a spinner beside \"" + staff.text(
                                    By.cssSelector(".ticket .alert-error")) + "\"").isEmpty();
                    assertThat(staff.driver.findElements(By.cssSelector(".ticket .crumbs a")))
                            .as(language + ": the way back").hasSize(1);
                    if (language.equals("it-IT")) {
                        staff.screenshot("64-incident-page-during-an-outage-it");
                    }
                }
            }
        } finally {
            suite.start(Service.TICKET_SERVICE);
        }
    }

    private static GatewayClient.Answer post(GatewayApi person, String path) {
        return GatewayClient.send(gateway.resolve(path), "POST", null, Map.of("Cookie", person.cookie()));
    }

    /** The actors of a history's events of one type, oldest first. */
    private static List<String> events(JsonNode history, String type) {
        return StreamSupport.stream(history.spliterator(), false).filter(e -> type.equals(e.path("type").asText()))
                .map(e -> e.path("actor").asText()).toList();
    }

    private static void awaitRow(Browser browser, long id) {
        browser.waitUntil(d -> d.findElements(By.cssSelector(".results[aria-busy=false]")).size() == 1
                && !d.findElements(By.cssSelector("tr[data-ticket-id='" + id + "']")).isEmpty());
    }

    private static String unique() {
        return "T" + UUID.randomUUID().toString().substring(0, 6);
    }
}
