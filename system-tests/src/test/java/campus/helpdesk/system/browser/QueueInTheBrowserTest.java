package campus.helpdesk.system.browser;

import campus.helpdesk.api.NewMessage;
import campus.helpdesk.client.MessageClient;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.system.GatewayClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who handles what, in real browsers against the whole suite: staff see Mine / Unassigned / All with their counts
 * and switch between them (the view stays in the address), hand a ticket over, and a student sees "My tickets" and
 * the marker of a reply not yet read, and follow a ticket's reporter to every ticket they reported. Each scenario files its own tickets with a unique word and signs in under a
 * unique name, so the shared suite's other tickets never change a count it asserts.
 */
class QueueInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void staffSeeMineAndUnassignedWithTheirCountsAndSwitchBetweenThem() {
        String word = unique();
        String staffName = "Quinn Staff " + word;
        GatewayApi student = GatewayApi.signIn(gateway, "Vera Student " + word, "STUDENT");
        GatewayApi staffApi = GatewayApi.signIn(gateway, staffName, "STAFF");
        long taken = student.createTicket("Printer " + word + " jams on every page", "The printer in the library jams.");
        long waiting = student.createTicket("Door " + word + " does not lock", "The door of room B2 does not lock.");
        staffApi.move(taken, "ACTIVE");

        try (Browser staff = new Browser(gateway)) {
            staff.signIn(staffName, "STAFF");
            staff.open("#/tickets?status=ACTIVE&q=" + word);
            awaitRows(staff, taken);
            assertThat(viewCounts(staff)).isEqualTo("mine:Mine1 unassigned:Unassigned0 all:All1");
            assertThat(cell(staff, taken, "Assignee").getText()).isEqualTo(staffName);
            staff.screenshot("20-queue-views-active");

            staff.click(By.cssSelector(".tab[data-status=OPEN]"));
            awaitRows(staff, waiting);
            staff.waitUntil(d -> viewCounts(staff).equals("mine:Mine0 unassigned:Unassigned1 all:All1"));
            assertThat(cell(staff, waiting, "Assignee").getText()).isEqualTo("Unassigned");

            staff.click(By.cssSelector(".view[data-view=unassigned]"));
            staff.waitUntil(d -> d.getCurrentUrl().contains("assignee=none"));
            awaitRows(staff, waiting);
            staff.driver.navigate().refresh();
            staff.waitFor(By.cssSelector(".view[data-view=unassigned][aria-pressed=true]"));
            awaitRows(staff, waiting);

            staff.click(By.cssSelector(".tab[data-status=ACTIVE]"));
            staff.waitUntil(d -> d.getCurrentUrl().contains("status=ACTIVE"));
            staff.click(By.cssSelector(".view[data-view=mine]"));
            staff.waitUntil(d -> d.getCurrentUrl().contains("assignee=me") && d.getCurrentUrl().contains("status=ACTIVE"));
            awaitRows(staff, taken);
            staff.screenshot("21-queue-mine");
        }
    }

    @Test
    void staffHandATicketOverAndItsAssigneeChanges() {
        String word = unique();
        String from = "Rita Staff " + word;
        String to = "Omar Staff " + word;
        long id = GatewayApi.signIn(gateway, "Ines Student " + word, "STUDENT")
                .createTicket("Beamer " + word + " flickers", "The beamer in room D4 flickers every few seconds.");
        GatewayApi.signIn(gateway, from, "STAFF").move(id, "ACTIVE");

        try (Browser staff = new Browser(gateway)) {
            staff.signIn(from, "STAFF");
            staff.open("#/tickets/" + id);
            staff.waitForText(By.id("ticket-assignee"), from);
            staff.waitFor(By.id("handover-name")).sendKeys(to);
            staff.driver.findElement(By.cssSelector("form.handover button[type=submit]")).click();
            // Omar has not worked on this desk yet: the page asks first, as a typo would drop the ticket out of
            // everyone's Mine.
            // Waited for without Browser.waitUntil, whose look at the page would dismiss the question.
            Alert asked = new WebDriverWait(staff.driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.alertIsPresent());
            assertThat(asked.getText()).startsWith("Nobody called " + to + " has worked on this desk yet.");
            asked.accept();
            staff.waitForText(By.id("ticket-assignee"), to);
            staff.waitForText(By.cssSelector(".timeline"), "Handed over");
            staff.screenshot("22-ticket-handed-over");

            // Whether this is the reporter's first ticket or their tenth: one link from the ticket's page.
            staff.click(By.id("reporter-tickets"));
            staff.waitForText(By.id("reported-by"), "Tickets reported by Ines Student " + word);
            staff.click(By.cssSelector(".tab[data-status=ACTIVE]"));
            awaitRows(staff, id);
            assertThat(staff.driver.findElements(By.cssSelector("tr[data-ticket-id]"))).hasSize(1);
            staff.click(By.id("reported-by-clear"));
            staff.waitUntil(d -> !d.getCurrentUrl().contains("reporter="));

            staff.open("#/tickets?status=ACTIVE&q=" + word + "&assignee=" + to.replace(" ", "%20"));
            awaitRows(staff, id);
            assertThat(cell(staff, id, "Assignee").getText()).isEqualTo(to);
            staff.open("#/tickets?status=ACTIVE&assignee=me&q=" + word);
            staff.waitUntil(d -> d.findElements(By.cssSelector(".results[aria-busy=false] .empty")).size() == 1);
        }
    }

    @Test
    void aStudentSeesMyTicketsAndTheMarkerOfAnUnreadReply() {
        String word = unique();
        String studentName = "Nora Student " + word;
        String staffName = "Paul Staff " + word;
        try (Browser student = new Browser(gateway)) {
            student.signIn(studentName, "STUDENT");
            long id = GatewayApi.signIn(gateway, studentName, "STUDENT")
                    .createTicket("Locker " + word + " is jammed", "My locker in the sports hall does not open.");
            student.open("#/tickets");
            student.click(By.cssSelector(".view[data-view=mine]"));
            student.waitUntil(d -> d.getCurrentUrl().contains("reporter=me"));
            assertThat(student.text(By.cssSelector(".view[aria-pressed=true]")))
                    .isEqualTo("My tickets");
            awaitRows(student, id);
            assertThat(student.driver.findElements(By.cssSelector("tr[data-ticket-id='" + id + "'] .unread-marker")))
                    .isEmpty();

            GatewayApi.signIn(gateway, staffName, "STAFF").move(id, "ACTIVE");
            OnBehalfOf.person(staffName, "STAFF").run(() -> GatewayClients.at(gateway, MessageClient.class)
                    .post(id, new NewMessage("We sent someone with a key " + word, false)));
            // The reply arrives live: the list refreshes by itself and marks the ticket.
            WebElement marker = student.waitFor(By.cssSelector("tr[data-ticket-id='" + id + "'] .unread-marker"));
            assertThat(marker.getText()).containsIgnoringCase("New");
            assertThat(marker.findElement(By.cssSelector(".sr-only")).getAttribute("textContent"))
                    .isEqualTo("New messages");
            student.screenshot("23-student-my-tickets-unread");

            student.driver.findElement(By.cssSelector("tr[data-ticket-id='" + id + "'] .title-cell a")).click();
            student.waitForText(By.id("messages"), "We sent someone with a key");
            // The page marks the ticket read on its own; back in the list once that answer has come.
            student.waitUntil(d -> Boolean.TRUE.equals(student.script("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.endsWith('/api/tickets/" + id + "/read') && e.responseEnd > 0)")));
            student.open("#/tickets?reporter=me");
            awaitRows(student, id);
            student.waitUntil(d -> d.findElements(
                    By.cssSelector("tr[data-ticket-id='" + id + "'] .unread-marker")).isEmpty());
        }
    }

    @Test
    void theQueueWithItsNewColumnsFitsAPhone() {
        try (Browser staff = new Browser(gateway)) {
            staff.resize(390, 844);
            staff.signIn("Phone Staff " + unique(), "STAFF");
            staff.open("#/tickets?status=OPEN");
            staff.waitUntil(d -> d.findElements(By.cssSelector(".results[aria-busy=false]")).size() == 1
                    && d.findElements(By.cssSelector(".view .count")).size() == 3);
            staff.screenshot("24-phone-queue-views");
            Object width = staff.script("return document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(390);
        }
    }

    @Test
    void longTypedTextWrapsInsideItsCellAndTheHeaderKeepsOneRowAt1366() {
        String word = unique();
        GatewayApi student = GatewayApi.signIn(gateway, "Long Student " + word, "STUDENT");
        long longWord = student.createTicket(word + " " + "A".repeat(120), "One word of 120 letters.");
        long address = student.createTicket(word + " see https://example.org/" + "path/".repeat(30), "A long address.");
        long located = student.createTicket(word + " radiator cold", "The radiator is cold.", "Room " + "B".repeat(95));
        long marks = student.createTicket(word + " Z" + "\u0301\u0300\u0302".repeat(20), "Stacked combining marks.");
        try (Browser staff = new Browser(gateway)) {
            staff.resize(1366, 768);
            staff.signIn("Wide Staff " + word, "STAFF");
            staff.open("#/tickets?status=OPEN&q=" + word);
            for (long id : new long[] {longWord, address, located, marks}) {
                awaitRows(staff, id);
            }
            staff.screenshot("25-queue-long-words-1366");
            assertThat(staff.script("""
                    const table = document.querySelector('.tickets').getBoundingClientRect();
                    const box = document.querySelector('.results').getBoundingClientRect();
                    const headings = [...document.querySelectorAll('.tickets thead th')];
                    return table.right <= box.right + 1 && document.documentElement.scrollWidth <= innerWidth
                      && headings.every(th => th.getBoundingClientRect().right <= innerWidth);
                    """)).as("the table as wide as its place, every column on screen").isEqualTo(true);
            assertThat(staff.script("""
                    return [...document.querySelectorAll('.tickets .title-cell')]
                      .every(td => getComputedStyle(td).overflowY !== 'visible');
                    """)).as("what a title draws past its line is clipped to its cell").isEqualTo(true);
            assertThat(staff.script("""
                    return [...document.querySelectorAll('.tickets .sort')]
                      .every(b => b.getClientRects().length === 1 && b.getBoundingClientRect().height < 30);
                    """)).as("each sort arrow on its heading's line").isEqualTo(true);
            assertThat(staff.script("""
                    const tops = [...document.querySelectorAll('#nav .nav-link')].map(a => a.getBoundingClientRect().top);
                    return tops.length === 4 && tops.every(t => Math.abs(t - tops[0]) < 2);
                    """)).as("the staff header's four links on one row at 1366 px").isEqualTo(true);
        }
    }

    private static void awaitRows(Browser browser, long id) {
        browser.waitUntil(d -> d.findElements(By.cssSelector(".results[aria-busy=false]")).size() == 1
                && !d.findElements(By.cssSelector("tr[data-ticket-id='" + id + "']")).isEmpty());
    }

    /** The view buttons as "name:LabelCount ...", e.g. "mine:Mine1 unassigned:Unassigned0 all:All1". */
    private static String viewCounts(Browser browser) {
        return String.join(" ", browser.driver.findElements(By.cssSelector(".view")).stream()
                .map(b -> b.getAttribute("data-view") + ":" + b.getText().replaceAll("\\s+", "")).toList());
    }

    private static WebElement cell(Browser browser, long id, String column) {
        return browser.driver.findElement(By.cssSelector("tr[data-ticket-id='" + id + "'] td[data-label='" + column + "']"));
    }

    private static String unique() {
        return "T" + UUID.randomUUID().toString().substring(0, 6);
    }
}
