package campus.helpdesk.system.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confidence said honestly and lists that page like people expect, in real browsers against the whole suite: the
 * report form says how sure the classifier is in words and never "100 %", nonsense is "not sure", the review marker
 * has a legend; the list has page numbers, a jump, a page size, and Back and Forward walk through the pages seen.
 * Each scenario files its own tickets under a unique word, so the shared suite's other tickets never change a page.
 */
class ConfidenceAndListsInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void theReportFormSaysHowSureInWordsNeverHundredPercentAndNotSureForNonsense() {
        try (Browser student = new Browser(gateway)) {
            student.signIn("Nora Student " + unique(), "STUDENT");
            student.open("#/report");
            WebElement title = student.waitFor(By.name("title"));
            title.sendKeys("Wifi down in B2");
            student.driver.findElement(By.name("description"))
                    .sendKeys("The wifi in room B2 keeps dropping, I cannot connect to eduroam");
            student.waitForText(By.id("category-suggestion"), "very likely");
            // The suggestion is drawn again as the answer for each stretch of typing arrives: each look finds it
            // afresh, and the estimate is waited for, since an answer for the text typed so far may come first.
            String described = student.waitUntil(d -> {
                WebElement certainty = d.findElement(By.cssSelector("#category-suggestion .certainty"));
                String text = String.valueOf(student.script("return document.getElementById(arguments[0]"
                        + ".getAttribute('aria-describedby')).textContent", certainty));
                return text.contains("estimate: 99 %") ? text : null;
            });
            assertThat(described).doesNotContain("100 %");
            // The category is said once, by its badge: "Looks like IT, very likely", not "... very likely IT".
            assertThat(student.text(By.id("category-suggestion"))).contains("Looks like", "IT")
                    .doesNotContain("%", "very likely IT");
            String estimate = student.now(d -> d.findElement(By.cssSelector("#category-suggestion .certainty"))
                    .getAttribute("title"));
            assertThat(estimate).matches("The classifier's estimate: [0-9]{1,2} %");
            // Focused afresh on each look: an answer for the text typed so far may still redraw the badge, and the
            // focus with it.
            student.waitUntil(d -> {
                WebElement certainty = d.findElement(By.cssSelector("#category-suggestion .certainty"));
                student.script("arguments[0].focus()", certainty);
                return d.findElement(By.id("category-suggestion")).getText()
                        .contains("The classifier's estimate: 99 %") ? true : null;
            });
            assertThat(pageText(student)).doesNotContain("100 %");
            student.screenshot("i19-01-report-very-likely");

            title.clear();
            student.driver.findElement(By.name("description")).clear();
            title.sendKeys("AAAAAAAAAAAAAAAAAAAAAAAA");
            student.driver.findElement(By.name("description")).sendKeys("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            student.waitForText(By.id("category-suggestion"), "not sure: the desk will check");
            assertThat(student.text(By.id("category-suggestion")))
                    .doesNotContain("Looks like", "%", "Services", "Facility");
            assertThat(new Select(student.driver.findElement(By.name("category"))).getFirstSelectedOption()
                    .getAttribute("value")).as("no category offered").isEmpty();
            assertThat(pageText(student)).doesNotContain("100 %");
            student.screenshot("i19-02-report-not-sure");
        }
    }

    @Test
    void aTicketTheClassifierIsNotSureOfSaysSoAndTheListExplainsItsReviewMarker() {
        String word = unique();
        GatewayApi api = GatewayApi.signIn(gateway, "Olga Student " + word, "STUDENT");
        long nonsense = api.createTicket("AAAAAAAAAAAA " + word, "AAAAAAAAAAAAAAAAAAAAAAAA");
        api.createTicket("Eduroam " + word + " keeps dropping", "The wifi in the library keeps dropping, eduroam.");
        try (Browser student = new Browser(gateway)) {
            student.signIn("Olga Student " + word, "STUDENT");
            student.open("#/tickets/" + nonsense);
            student.waitForText(By.id("ticket-category"), "not sure: the desk will check");
            assertThat(pageText(student)).doesNotContain("% sure", "100 %");

            student.open("#/tickets?q=" + word);
            student.waitFor(By.cssSelector("tr[data-ticket-id='" + nonsense + "'] .flag"));
            assertThat(student.waitFor(By.id("review-legend")).getText())
                    .contains("?", "suggested automatically", "not checked it yet");
            student.screenshot("i19-03-list-review-legend");
        }
    }

    @Test
    void theListHasPageNumbersAJumpAPageSizeAndBackAndForwardWalkThroughItsPages() {
        String word = unique();
        GatewayApi api = GatewayApi.signIn(gateway, "Pia Student " + word, "STUDENT");
        for (int i = 1; i <= 45; i++) {
            api.createTicket("Radiator " + word + " cold in room " + i, "The radiator in room " + i + " is cold.");
        }
        try (Browser student = new Browser(gateway)) {
            student.signIn("Pia Student " + word, "STUDENT");
            student.open("#/report");
            student.waitFor(By.name("title"));
            student.open("#/tickets?q=" + word + "&sort=id,asc");
            awaitRange(student, "1–20 of 45");
            assertThat(pageNumbers(student)).isEqualTo("1 2 3");
            assertThat(current(student)).isEqualTo("1");

            student.click(By.xpath("//nav[@class='pager']//button[contains(., 'Next')]"));
            awaitRange(student, "21–40 of 45");
            assertThat(student.driver.getCurrentUrl()).contains("page=1");
            student.click(By.cssSelector(".pager .page-number[aria-label='Page 3']"));
            awaitRange(student, "41–45 of 45");
            assertThat(current(student)).isEqualTo("3");
            student.screenshot("i19-04-list-page-3");

            student.driver.navigate().back();
            awaitRange(student, "21–40 of 45");
            student.driver.navigate().back();
            awaitRange(student, "1–20 of 45");
            assertThat(student.driver.getCurrentUrl()).as("Back after Next stays in the list").contains("#/tickets");
            student.driver.navigate().forward();
            awaitRange(student, "21–40 of 45");

            new Select(student.waitFor(By.cssSelector(".pager select[name=size]"))).selectByValue("50");
            awaitRange(student, "1–45 of 45");
            assertThat(student.driver.getCurrentUrl()).contains("size=50");
            assertThat(pageNumbers(student)).isEqualTo("1");
            student.driver.navigate().refresh();
            awaitRange(student, "1–45 of 45");
            assertThat(new Select(student.waitFor(By.cssSelector(".pager select[name=size]")))
                    .getFirstSelectedOption().getAttribute("value")).isEqualTo("50");
            student.driver.navigate().back();
            awaitRange(student, "21–40 of 45");

            WebElement jump = student.waitFor(By.cssSelector(".pager input[name=page]"));
            jump.clear();
            jump.sendKeys("3");
            student.click(By.cssSelector(".pager form.jump button[type=submit]"));
            awaitRange(student, "41–45 of 45");
            student.driver.navigate().back();
            awaitRange(student, "21–40 of 45");
            student.screenshot("i19-05-list-after-back");
        }
    }

    private static void awaitRange(Browser browser, String range) {
        browser.waitForText(By.cssSelector(".pager .range"), range);
    }

    private static String pageNumbers(Browser browser) {
        return String.join(" ", browser.driver.findElements(By.cssSelector(".pager .page-number")).stream()
                .map(WebElement::getText).toList());
    }

    private static String current(Browser browser) {
        return browser.text(By.cssSelector(".pager [aria-current=page]"));
    }

    private static String pageText(Browser browser) {
        return browser.text(By.tagName("body"));
    }

    private static String unique() {
        return "T" + UUID.randomUUID().toString().substring(0, 6);
    }
}
