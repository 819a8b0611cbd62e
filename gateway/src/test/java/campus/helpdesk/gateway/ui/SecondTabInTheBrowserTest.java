package campus.helpdesk.gateway.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tabs of one browser share the session cookie. A tab that last saw no session follows its links after the other
 * tab signed in, instead of sending the person to the sign-in screen until it is reloaded.
 */
@MicronautTest
class SecondTabInTheBrowserTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aTabThatSawNoSessionFollowsItsLinksOnceAnotherTabSignedIn() {
        ChromeDriver browser = UiLogicTest.chromium();
        try {
            String start = server.getURI().resolve("/") + "#/signin";
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get(start);
            wait.until(d -> d.findElement(By.name("name")));
            String second = browser.getWindowHandle();

            browser.switchTo().newWindow(WindowType.TAB);
            browser.get(start);
            wait.until(d -> d.findElement(By.name("name"))).sendKeys("Tab Student");
            browser.findElement(By.cssSelector("input[name=role][value=STUDENT]")).click();
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(d -> d.findElements(By.id("sign-out")).size() == 1);

            browser.switchTo().window(second);
            browser.executeScript("location.hash = '#/report'");
            wait.until(d -> !d.findElements(By.name("title")).isEmpty() || d.getCurrentUrl().endsWith("#/signin"));
            assertThat(browser.getCurrentUrl()).as("the report form, not the sign-in screen").endsWith("#/report");
            assertThat(browser.findElements(By.id("sign-out"))).as("the header knows the session").hasSize(1);
        } finally {
            browser.quit();
        }
    }
}
