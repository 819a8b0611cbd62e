package campus.helpdesk.gateway.ui;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in form of a deployment with a staff code, in headless Chromium against the real gateway: every
 * missing input is flagged at once, a message goes away as its input is filled in, and a forgotten staff code
 * reads differently from a wrong one, in words for people (no field name such as "staffCode:").
 */
@MicronautTest
@Property(name = "helpdesk.session.staff-code", value = "lift-42")
class SignInWordsInTheBrowserTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aMissingAndAWrongStaffCodeReadDifferentlyAndEveryMissingInputIsFlaggedAtOnce() {
        ChromeDriver browser = UiLogicTest.chromium();
        try {
            browser.get(server.getURI().resolve("/") + "#/signin");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            WebElement name = wait.until(d -> d.findElement(By.name("name")));
            browser.findElement(By.cssSelector("input[name=role][value=STAFF]")).click();
            WebElement code = wait.until(d -> d.findElement(By.name("staffCode")));
            browser.findElement(By.cssSelector("form button[type=submit]")).click();

            assertThat(errorOf(browser, name)).isEqualTo("Please enter your name.");
            assertThat(errorOf(browser, code)).isEqualTo("Please enter the staff code.");
            assertThat(name.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(code.getAttribute("aria-invalid")).isEqualTo("true");

            name.sendKeys("Eve");
            assertThat(errorOf(browser, name)).isEmpty();
            assertThat(name.getAttribute("aria-invalid")).isNull();
            assertThat(errorOf(browser, code)).isEqualTo("Please enter the staff code.");

            code.sendKeys("lift-43");
            assertThat(errorOf(browser, code)).isEmpty();
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(d -> !errorOf(browser, code).isEmpty());
            assertThat(errorOf(browser, code)).isEqualTo("That staff code is not right.");
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("staffCode")
                    .doesNotContainPattern("\\b\\w+:\\s+(must|the|size)");
            assertThat(name.getAttribute("value")).as("what was typed is kept").isEqualTo("Eve");
        } finally {
            browser.quit();
        }
    }

    private static String errorOf(ChromeDriver browser, WebElement control) {
        return browser.findElement(By.id(control.getAttribute("id") + "-error")).getText();
    }
}
