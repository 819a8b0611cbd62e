package campus.helpdesk.gateway.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header's language switch in headless Chromium against the real gateway, when a language's words cannot be
 * fetched (the desk out of reach for a moment): the switch goes back to the language the page still speaks and says
 * why, instead of naming a language the page is not in; once the words come, the switch works.
 */
@MicronautTest
class LanguageSwitchInTheBrowserTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aLanguageWhoseWordsDoNotComeLeavesTheSwitchOnThePagesLanguageAndSaysSo() {
        ChromeDriver browser = UiLogicTest.chromium();
        try {
            browser.get(server.getURI().resolve("/") + "#/signin");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(d -> d.findElement(By.name("name")));
            String heading = browser.findElement(By.tagName("h1")).getText();
            browser.executeScript("""
                    const real = window.fetch;
                    window.fetch = (url, init) => String(url).startsWith('/i18n/it/')
                      ? Promise.reject(new TypeError('Failed to fetch')) : real(url, init);
                    window.realFetch = real;""");

            new Select(browser.findElement(By.id("language"))).selectByValue("it");

            wait.until(d -> !d.findElements(By.cssSelector("#toasts .toast-error")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#toasts .toast-error")).getText())
                    .isEqualTo("Italiano could not be loaded just now, so the page stays as it is. "
                            + "Please try again in a moment.");
            assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("en");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);

            browser.executeScript("window.fetch = window.realFetch;");
            new Select(browser.findElement(By.id("language"))).selectByValue("it");
            wait.until(d -> "it".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo(heading);
        } finally {
            browser.executeScript("localStorage.removeItem('helpdesk.language');");
            browser.quit();
        }
    }
}
