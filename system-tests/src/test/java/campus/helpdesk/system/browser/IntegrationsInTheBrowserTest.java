package campus.helpdesk.system.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff wire a campus system up from the tokens screen: the secret the page shows once signs a delivery that opens a
 * ticket in the queue, and once revoked there the same signed delivery is refused.
 */
class IntegrationsInTheBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void theSecretShownOnceSignsADeliveryUntilStaffRevokeTheIntegration() throws Exception {
        String word = "I" + UUID.randomUUID().toString().substring(0, 6);
        String name = "bms-" + word.toLowerCase();
        try (Browser staff = new Browser(gateway)) {
            staff.signIn("Ingrid Staff", "STAFF");
            staff.open("#/tokens");
            staff.waitFor(By.cssSelector("#integration-form input[name=name]")).sendKeys(name);
            staff.click(By.cssSelector("#integration-form button[type=submit]"));
            By secretField = By.cssSelector("#integration-issued .token-value");
            String secret = staff.waitFor(secretField).getAttribute("value");
            assertThat(secret).startsWith("hds_");
            assertThat(staff.script("return document.activeElement.classList.contains('token-value')")).isEqualTo(true);
            assertThat(staff.text(By.cssSelector("#integration-issued pre")))
                    .contains(secret, gateway.resolve("/api/intake/" + name).toString());
            staff.waitForText(By.cssSelector("tr[data-integration='" + name + "']"), "live");
            staff.screenshot("integrations-secret-shown-once");

            String body = JSON.writeValueAsString(java.util.Map.of("title", "Boiler " + word + " pressure low",
                    "description", "BMS alarm: circuit B below 0.8 bar", "externalRef", "alarm-" + word));
            HttpResponse<String> delivered = deliver(name, secret, body, word + "-1");
            assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(201);
            long id = JSON.readTree(delivered.body()).get("id").asLong();

            staff.open("#/tickets");
            staff.waitFor(By.name("q")).sendKeys(word);
            staff.waitForText(By.cssSelector("tr[data-ticket-id='" + id + "']"), "Boiler " + word);

            staff.open("#/tokens");
            staff.click(By.cssSelector("tr[data-integration='" + name + "'] button"));
            staff.driver.switchTo().alert().accept();
            staff.waitForText(By.cssSelector("tr[data-integration='" + name + "']"), "revoked");
            assertThat(staff.driver.findElements(By.cssSelector("tr[data-integration='" + name + "'] button")))
                    .isEmpty();
            assertThat(deliver(name, secret, body, word + "-2").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aTakenNameIsRefusedInWordsBesideTheNameField() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser staff = new Browser(gateway)) {
            staff.signIn("Ingrid Staff", "STAFF");
            staff.open("#/tokens");
            for (int i = 0; i < 2; i++) {
                staff.waitFor(By.cssSelector("#integration-form input[name=name]")).sendKeys(name);
                staff.click(By.cssSelector("#integration-form button[type=submit]"));
                if (i == 0) {
                    staff.waitFor(By.cssSelector("#integration-issued .token-value"));
                }
            }
            String input = staff.driver.findElement(By.cssSelector("#integration-form input[name=name]"))
                    .getAttribute("id");
            staff.waitForText(By.id(input + "-error"), "exists already");

            staff.driver.findElement(By.id(input)).clear();
            staff.driver.findElement(By.id(input)).sendKeys("Not A Slug");
            staff.click(By.cssSelector("#integration-form button[type=submit]"));
            staff.waitForText(By.id(input + "-error"), "lowercase letters");
        }
    }

    @Test
    void aValidTokenAfterARefusedNameLeavesNoErrorBehind() {
        String name = "ok-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser staff = new Browser(gateway)) {
            staff.signIn("Ingrid Staff", "STAFF");
            staff.open("#/tokens");
            WebElement input = staff.waitFor(By.name("name"));
            String id = input.getAttribute("id");
            input.sendKeys("not a name!");
            staff.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            staff.waitUntil(d -> !d.findElement(By.id(id + "-error")).getText().isEmpty());
            assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");

            input.clear();
            input.sendKeys(name);
            staff.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            staff.waitFor(By.cssSelector("#token-issued .token-value"));
            assertThat(staff.driver.findElement(By.id(id)).getAttribute("aria-invalid")).isNull();
            assertThat(staff.text(By.id(id + "-error"))).isEmpty();
        }
    }

    private static HttpResponse<String> deliver(String name, String secret, String body, String deliveryId)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/intake/" + name))
                .header("Content-Type", "application/json")
                .header("X-Helpdesk-Signature", "sha256=" + signature)
                .header("X-Delivery-Id", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
