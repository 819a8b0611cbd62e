package campus.helpdesk.system.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal lands next to what caused it: the page reads the input every service names in a problem's
 * {@code field} (and each of its {@code violations}) and writes the message under that form control.
 */
class FieldErrorsInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void theServersRefusalOfAFieldIsShownBesideThatField() {
        try (Browser staff = new Browser(gateway)) {
            staff.signIn("Fenna Staff", "STAFF");
            staff.open("#/tokens");
            staff.waitFor(By.name("name")).sendKeys("bi-field-errors");
            WebElement days = staff.driver.findElement(By.name("days"));
            days.clear();
            days.sendKeys("9999");
            staff.driver.findElement(By.cssSelector("form button[type=submit]")).click();

            By slot = By.id(days.getAttribute("id") + "-error");
            staff.waitForText(slot, "days");
            assertThat(days.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(staff.driver.findElement(By.id(staff.driver.findElement(By.name("name")).getAttribute("id")
                    + "-error")).getText()).isEmpty();
            assertThat(staff.driver.findElements(By.cssSelector(".form-errors .alert"))).isEmpty();
        }
    }

    @Test
    void everyInvalidFieldOfAProblemGetsItsOwnMessage() {
        try (Browser student = new Browser(gateway)) {
            student.signIn("Vera Student", "STUDENT");
            Object shown = student.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    Promise.all([import('/js/api.js'), import('/js/dom.js')]).then(([api, dom]) => {
                      const input = name => dom.h('input', { name });
                      const form = dom.h('form', {}, dom.field('Title', input('title')),
                        dom.field('Description', input('description')));
                      document.body.append(form);
                      const err = new api.ApiError(400, { type: 'about:blank', title: 'Bad Request', status: 400,
                        detail: 'description: must not be blank; title: size must be between 0 and 200',
                        field: 'description', violations: [
                          { field: 'description', message: 'must not be blank' },
                          { field: 'title', message: 'size must be between 0 and 200' }] });
                      const complete = dom.showFieldError(form, err);
                      done([complete, ...['title', 'description'].map(n => {
                        const control = form.querySelector(`[name=${n}]`);
                        return `${control.getAttribute('aria-invalid')} ${document.getElementById(control.id + '-error').textContent}`;
                      })]);
                    });
                    """);
            // Messages that are not sentences for people are replaced by one per input, never shown as "title: ...".
            assertThat(shown).isEqualTo(List.of(true,
                    "true Please check the title. It is needed and can be at most 200 characters.",
                    "true Please check the description. It is needed and can be at most 10,000 characters."));
        }
    }
}
