package campus.helpdesk.system.browser;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.client.TicketClient;
import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.Suite;
import campus.helpdesk.launcher.SuiteOptions;
import campus.helpdesk.launcher.SuiteSecrets;
import campus.helpdesk.system.GatewayClients;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SLA badges on a ticket that really missed its target. No ticket can be made older than it is, so this class starts
 * a suite of its own whose targets are tiny, {@code HELPDESK_SLA_TARGETS=HIGH=1m/3m} (the documented setting, given
 * to the services as {@code ./helpdesk up} would), files a HIGH ticket, lets its first-response minute pass, and
 * checks the queue, its SLA filter and the ticket page. It takes a minute of waiting and a second suite's start
 * (on its own ports and database), so it runs only against a suite it started itself.
 */
class SlaBadgesInTheBrowserTest {

    /** Beside the shared suite's ports, so both may run in one JVM. */
    private static final int PORT_OFFSET = Integer.getInteger("helpdesk.sla.portOffset", SharedSuite.PORT_OFFSET + 50);
    private static final Duration FIRST_RESPONSE_TARGET = Duration.ofMinutes(1);
    private static Suite suite;
    private static URI gateway;

    @BeforeAll
    static void startSuiteWithTinyTargets() {
        String running = System.getProperty("helpdesk.gatewayUrl");
        assumeTrue(running == null || running.isBlank(), "needs a suite with tiny SLA targets, started by this test");
        TestPostgres postgres = TestPostgres.get();
        String url = postgres.createDatabase("sla_badges");
        suite = Suite.start(new SuiteOptions(SharedSuite.projectRoot(), url, postgres.user(), postgres.password(), PORT_OFFSET,
                SuiteSecrets.random(), null, Map.of("HELPDESK_SLA_TARGETS", "HIGH=1m/3m"),
                Boolean.getBoolean("helpdesk.suite.console")));
        gateway = suite.uri(Service.GATEWAY);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aTicketPastItsFirstResponseTargetShowsBreachedInWordsInTheQueueAndOnItsPage() throws Exception {
        String word = "T" + UUID.randomUUID().toString().substring(0, 6);
        OnBehalfOf student = OnBehalfOf.person("Sven Student", "STUDENT");
        TicketClient tickets = GatewayClients.at(gateway, TicketClient.class);
        long breached = student.call(() -> tickets.create(new NewTicket("Fire alarm " + word + " keeps ringing",
                "The fire alarm in building E rings without a fire.", null, Priority.HIGH, null), null)).body().id();
        Instant opened = student.call(() -> tickets.get(breached)).openedAt();

        try (Browser staff = new Browser(gateway)) {
            staff.signIn("Sla Staff", "STAFF");
            staff.open("#/tickets?q=" + word);
            WebElement pending = staff.waitFor(badge(breached));
            assertThat(pending.getAttribute("data-sla")).isIn("PENDING", "AT_RISK");
            assertThat(dueCell(staff, breached).findElement(By.tagName("time")).getAttribute("title"))
                    .startsWith("First response due");

            Duration left = Duration.between(Instant.now(), opened.plus(FIRST_RESPONSE_TARGET).plusSeconds(2));
            if (!left.isNegative()) {
                Thread.sleep(left.toMillis());
            }
            staff.open("#/tickets?sla=AT_RISK%2CBREACHED&sort=due%2Casc&q=" + word);
            staff.waitUntil(d -> "BREACHED".equals(d.findElement(badge(breached)).getAttribute("data-sla")));
            WebElement badge = staff.driver.findElement(badge(breached));
            assertThat(badge.getText()).containsIgnoringCase("Breached");
            assertThat(badge.findElement(By.cssSelector(".sr-only")).getAttribute("textContent")).isEqualTo("SLA: ");
            assertThat(badge.findElement(By.cssSelector(".sla-mark")).getAttribute("aria-hidden")).isEqualTo("true");
            assertThat(dueCell(staff, breached).findElement(By.tagName("time")).getText()).endsWith("overdue");
            staff.screenshot("25-queue-sla-breached");

            staff.open("#/tickets?sla=AT_RISK&q=" + word);
            staff.waitUntil(d -> d.findElements(By.cssSelector(".results[aria-busy=false] .empty")).size() == 1);

            staff.open("#/tickets/" + breached);
            staff.waitForText(By.id("due-first-response"), "Breached");
            assertThat(staff.driver.findElement(By.id("ticket-sla")).getText()).containsIgnoringCase("Breached");
            staff.screenshot("26-ticket-sla-breached");
        }
    }

    private static By badge(long id) {
        return By.cssSelector("tr[data-ticket-id='" + id + "'] .sla");
    }

    private static WebElement dueCell(Browser browser, long id) {
        return browser.driver.findElement(By.cssSelector("tr[data-ticket-id='" + id + "'] td[data-label='Due']"));
    }
}
