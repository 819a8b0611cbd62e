package campus.helpdesk.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student's forms and confirmations in a real browser against the whole suite: the report form flags every
 * missing input at once and clears each as it is filled in, its errors and the services' read as sentences (no
 * field path), a filed report and a sent message are confirmed in a live region, a double click on Send posts
 * one message, and the history says what changed in plain words.
 */
class StudentWordsInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void theReportFormFlagsEveryMissingInputAtOnceClearsEachWhenValidAndConfirmsTheReport() {
        try (Browser student = new Browser(gateway)) {
            student.signIn("Wanda Student", "STUDENT");
            WebElement title = student.waitFor(By.name("title"));
            WebElement description = student.driver.findElement(By.name("description"));
            student.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(errorOf(student, title)).isEqualTo("Please give a short title.");
            assertThat(errorOf(student, description)).isEqualTo("Please describe the problem.");

            title.sendKeys("Radiator cold in room " + unique());
            assertThat(errorOf(student, title)).as("cleared as soon as the title is there").isEmpty();
            assertThat(title.getAttribute("aria-invalid")).isNull();
            assertThat(errorOf(student, description)).isEqualTo("Please describe the problem.");

            // The browser's maxlength stops typing; a pasted or scripted value still meets the form's own check.
            student.script("arguments[0].removeAttribute('maxlength'); arguments[0].value = 'x'.repeat(201);"
                    + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", title);
            student.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(errorOf(student, title)).isEqualTo("The title can be at most 200 characters.");

            title.clear();
            title.sendKeys("Radiator cold in room " + unique());
            description.sendKeys("The radiator in my room has been cold since Monday.");
            assertThat(errorOf(student, description)).isEmpty();
            long id = submitReport(student);

            WebElement confirmation = student.waitFor(By.id("filed-confirmation"));
            student.waitForText(By.id("filed-confirmation"), "Got it");
            assertThat(confirmation.getAttribute("role")).isEqualTo("status");
            assertThat(confirmation.getText()).isEqualTo("Got it: #" + id
                    + ". We will answer here; you can also find it under My tickets.");
            student.screenshot("i19-report-confirmed");
            // "My tickets" is a link to that view, not to the list of every open ticket the menu opens.
            student.click(By.id("filed-my-tickets"));
            student.waitFor(By.cssSelector("tr[data-ticket-id='" + id + "']"));
            assertThat(student.driver.getCurrentUrl()).contains("reporter=me");
        }
    }

    @Test
    void theServicesRefusalsOfEmptyAndTooLongFieldsReachThePageAsSentences() {
        try (Browser student = new Browser(gateway)) {
            student.signIn("Xena Student", "STUDENT");
            // Past the form's own check, straight to the services, through the page's own request helper.
            Object shown = student.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/js/api.js').then(async ({ api }) => {
                      const texts = async body => {
                        try { await api('/api/tickets', { method: 'POST', body }); return ['accepted']; }
                        catch (e) { return [e.message, ...e.violations.map(v => v.message)]; }
                      };
                      done([await texts({ title: '', description: '' }),
                        await texts({ title: 'x'.repeat(201), description: 'Cold' })]);
                    });
                    """);
            assertThat(shown).isEqualTo(List.of(
                    List.of("Please describe the problem. Please give a short title.", "Please describe the problem.",
                            "Please give a short title."),
                    List.of("The title can be at most 200 characters.", "The title can be at most 200 characters.")));
        }
    }

    @Test
    void doubleClickingSendPostsOneMessageAndConfirmsItInALiveRegion() {
        GatewayApi reporter = GatewayApi.signIn(gateway, "Yara Student", "STUDENT");
        long id = reporter.createTicket("Window will not close " + unique(), "The window in room 12 will not close.");
        try (Browser student = new Browser(gateway)) {
            student.signIn("Yara Student", "STUDENT");
            student.open("#/tickets/" + id);
            WebElement text = student.waitFor(By.id("message-text"));
            text.sendKeys("Still open, and it is getting cold.");
            new Actions(student.driver).doubleClick(student.driver.findElement(By.id("send-message"))).perform();

            student.waitForText(By.id("message-confirmation"), "Message sent.");
            assertThat(student.driver.findElement(By.id("message-confirmation")).getAttribute("role"))
                    .isEqualTo("status");
            student.waitForText(By.id("messages"), "Still open, and it is getting cold.");
            assertThat(text.getAttribute("value")).isEmpty();
            JsonNode messages = reporter.get("/api/tickets/" + id + "/messages");
            assertThat(messages.size()).as("messages after a double click").isEqualTo(1);

            text.sendKeys("x");
            assertThat(student.text(By.id("message-confirmation")))
                    .as("the confirmation goes once a new message is being written").isEmpty();
        }
    }

    @Test
    void anEmptyMessageIsRefusedInWordsAndTheRefusalClearsAsSoonAsSomethingIsTyped() {
        GatewayApi reporter = GatewayApi.signIn(gateway, "Zoe Student", "STUDENT");
        long id = reporter.createTicket("Printer out of toner " + unique(), "The printer in the library is empty.");
        try (Browser student = new Browser(gateway)) {
            student.signIn("Zoe Student", "STUDENT");
            student.open("#/tickets/" + id);
            WebElement text = student.waitFor(By.id("message-text"));
            student.driver.findElement(By.id("send-message")).click();
            assertThat(errorOf(student, text)).isEqualTo("Please write a message first.");
            text.sendKeys("Any news?");
            assertThat(errorOf(student, text)).isEmpty();
        }
    }

    @Test
    void theStudentsHistoryTellsCategoryAndPriorityChangesInPlainWords() {
        GatewayApi reporter = GatewayApi.signIn(gateway, "Ada Reporter", "STUDENT");
        long id = reporter.createTicket("Heating broken in dorm " + unique(), "No heating in dorm C since Monday.");
        try (Browser staff = new Browser(gateway); Browser student = new Browser(gateway)) {
            staff.signIn("Bob Staff", "STAFF");
            Object patched = staff.driver.executeAsyncScript("""
                    const [id, done] = [arguments[0], arguments[arguments.length - 1]];
                    import('/js/api.js').then(async ({ api }) => {
                      const t = await api(`/api/tickets/${id}`);
                      const category = t.category === 'SERVICES' ? 'IT' : 'SERVICES';
                      const priority = t.priority === 'LOW' ? 'HIGH' : 'LOW';
                      await api(`/api/tickets/${id}`, { method: 'PATCH', headers: { 'If-Match': String(t.version) },
                        body: { category, priority } });
                      done('ok');
                    }).catch(e => done(String(e)));
                    """, id);
            assertThat(patched).isEqualTo("ok");

            student.signIn("Ada Reporter", "STUDENT");
            student.open("#/tickets/" + id);
            student.waitForText(By.cssSelector(".timeline"), "Category changed from");
            String history = student.text(By.cssSelector(".timeline"));
            assertThat(history).contains("Priority changed from").doesNotContain("categorySource");
            assertThat(ProblemWords.enumNameIn(history)).as(history).isNull();
            assertThat(ProblemWords.fieldPathIn(history)).as(history).isNull();
        }
    }

    private static String errorOf(Browser browser, WebElement control) {
        return browser.text(By.id(control.getAttribute("id") + "-error"));
    }

    private static long submitReport(Browser browser) {
        return browser.submitReport();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
