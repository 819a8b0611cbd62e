package campus.helpdesk.gateway.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's logic, tested where it runs: the real ES modules in headless Chromium (the machine's browser and
 * driver, nothing downloaded), as the browser tests of system-tests start it. {@code ui-tests/index.html} imports
 * the modules' state, request plans, formatters and the live debounce, and whole screens against a fake server;
 * it publishes {@code window.uiTests}, and this test fails with the names of the failing ones and prints the
 * figures they measured (requests per load and per refresh).
 */
class UiLogicTest {

    private static final String CHROMIUM = System.getProperty("helpdesk.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("helpdesk.chromedriver", "/usr/bin/chromedriver");

    @Test
    @SuppressWarnings("unchecked")
    void theUiLogicTestsPassInHeadlessChromium() {
        try (StaticFiles files = new StaticFiles()) {
            ChromeDriver browser = chromium();
            try {
                browser.get(files.url("/ui-tests/index.html"));
                Map<String, Object> outcome = new WebDriverWait(browser, Duration.ofSeconds(120))
                        .withMessage(() -> "the UI tests did not finish; running: "
                                + browser.executeScript("return window.uiTests && window.uiTests.running"))
                        .until(d -> (Map<String, Object>) browser.executeScript(
                                "return window.uiTests && window.uiTests.done ? window.uiTests : null"));
                List<Map<String, Object>> results = (List<Map<String, Object>>) outcome.get("results");
                List<String> failed = results.stream().filter(r -> !Boolean.TRUE.equals(r.get("ok")))
                        .map(r -> r.get("name") + ": " + r.get("message")).toList();
                System.out.printf("UI logic: %d tests, %d failed, in %s ms%n", results.size(), failed.size(),
                        outcome.get("ms"));
                results.stream().filter(r -> ((Number) r.get("ms")).longValue() >= 300)
                        .sorted((a, b) -> Long.compare(((Number) b.get("ms")).longValue(), ((Number) a.get("ms")).longValue()))
                        .forEach(r -> System.out.printf("  slow: %5s ms  %s%n", r.get("ms"), r.get("name")));
                ((Map<String, Object>) outcome.get("measurements"))
                        .forEach((what, value) -> System.out.printf("  %-55s %s%n", what, value));
                assertThat(failed).as("failing UI tests").isEmpty();
                assertThat(results).as("UI tests run").hasSizeGreaterThan(40);
            } finally {
                browser.quit();
            }
        }
    }

    /** The machine's Chromium, headless, as every browser test of this module starts it. */
    static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
