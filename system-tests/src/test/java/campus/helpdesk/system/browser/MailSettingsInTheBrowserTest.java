package campus.helpdesk.system.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff find their own mail setting beside their name: a bad address is refused beside the field, a good one and
 * the switch are kept (a reload shows them again). Students have no such setting.
 */
class MailSettingsInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void aStaffMemberSetsTheirOwnAddressAndTurnsTheMailOff() {
        String name = "Mia Mail " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser staff = new Browser(gateway)) {
            staff.signIn(name, "STAFF");
            staff.click(By.id("mail-settings-link"));
            WebElement email = staff.waitFor(By.cssSelector("#mail-settings input[name=email]"));
            WebElement enabled = staff.driver.findElement(By.cssSelector("#mail-settings input[name=enabled]"));
            assertThat(email.getAttribute("value")).isEmpty();
            assertThat(enabled.isSelected()).isTrue();

            email.sendKeys("mia at staff");
            staff.click(By.cssSelector("#mail-settings button[type=submit]"));
            staff.waitForText(By.id(email.getAttribute("id") + "-error"), "email address");
            assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");

            email.clear();
            email.sendKeys("mia@staff.campus.test");
            enabled.click();
            staff.click(By.cssSelector("#mail-settings button[type=submit]"));
            staff.waitForText(By.cssSelector(".toast"), "Saved");
            assertThat(staff.text(By.id(email.getAttribute("id") + "-error"))).isEmpty();
            staff.screenshot("mail-settings-saved");

            staff.driver.navigate().refresh();
            WebElement again = staff.waitFor(By.cssSelector("#mail-settings input[name=email]"));
            staff.waitFor(By.cssSelector("#mail-settings input[name=enabled]"));
            assertThat(again.getAttribute("value")).isEqualTo("mia@staff.campus.test");
            assertThat(staff.driver.findElement(By.cssSelector("#mail-settings input[name=enabled]")).isSelected())
                    .isFalse();
        }
    }

    @Test
    void studentsHaveNoMailSetting() {
        try (Browser student = new Browser(gateway)) {
            student.signIn("Sven Student", "STUDENT");
            student.waitFor(By.id("sign-out"));
            assertThat(student.driver.findElements(By.id("mail-settings-link"))).isEmpty();
            student.open("#/mail-settings");
            student.waitForText(By.cssSelector("#app h1"), "Not available for your role");
        }
    }
}
