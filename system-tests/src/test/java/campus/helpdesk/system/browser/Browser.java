package campus.helpdesk.system.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;


import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's headless Chromium (the system's browser and driver, nothing downloaded), with the few steps the
 * scenarios share: sign in, open a screen, wait for text, take a screenshot into target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("helpdesk.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("helpdesk.chromedriver", "/usr/bin/chromedriver");

    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration SETTLE_AT_MOST = Duration.ofMillis(1500);
    /**
     * Kept in each page from its first script on: when an element was last added to or removed from the document. A
     * redraw is what leaves found elements stale; a changed attribute or text replaces no element.
     */
    private static final String WATCH_REDRAWS = """
            window.__stillSince = performance.now();
            new MutationObserver(() => window.__stillSince = performance.now())
              .observe(document, { subtree: true, childList: true });
            """;
    /**
     * Every request stays in the page's resource timings, which the tests read (the similar tickets asked for, a
     * screen fetched ahead): a browser keeps 250 and then drops the newest, and a session of several screens, each
     * with its modules, went past that.
     */
    private static final String KEEP_EVERY_TIMING = "performance.setResourceTimingBufferSize(100000);";
    /** Milliseconds since the last redraw; a page opened before the watch (none here) starts it now. */
    private static final String STILL_FOR = """
            if (window.__stillSince === undefined) {
            """ + WATCH_REDRAWS + """
            }
            return Math.floor(performance.now() - window.__stillSince);
            """;

    final ChromeDriver driver;
    private final URI base;

    Browser(URI base) {
        this(base, "en-GB");
    }

    /** A browser whose person reads {@code language} first (its Accept-Language and navigator.languages). */
    Browser(URI base, String language) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--window-size=1280,900", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_REDRAWS));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", KEEP_EVERY_TIMING));
    }

    void open(String hash) {
        String url = base.resolve("/").toString() + hash;
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(base.resolve("/").toString())) {
            // Same page: change the hash like a link does, so the page (and its live connection) stays.
            driver.executeScript("location.hash = arguments[0]", hash);
        } else {
            driver.get(url);
        }
    }

    void signIn(String name, String roleValue) {
        driver.get(base.resolve("/").toString() + "#/signin");
        WebElement nameField = waitFor(By.name("name"));
        nameField.sendKeys(name);
        driver.findElement(By.cssSelector("input[name=role][value=" + roleValue + "]")).click();
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> d.findElements(By.id("sign-out")).size() == 1);
        waitFor(By.tagName("h1"));
    }

    WebElement waitFor(By by) {
        return waitUntil(d -> ExpectedConditions.visibilityOfElementLocated(by).apply(d));
    }

    /**
     * Clicks what {@code by} finds once it is shown, finding it again when a redraw replaced it between finding and
     * clicking (screens redraw a region when its data arrives).
     */
    void click(By by) {
        waitUntil(d -> {
            waitFor(by).click();
            return true;
        });
    }

    <T> T waitUntil(Function<ChromeDriver, T> condition) {
        return waitUntil(Duration.ofSeconds(15), condition);
    }

    /**
     * Waits until {@code condition} holds on a settled page: it is looked at only once no element of the document has
     * been added or removed for {@link #QUIET} (or, on a page that never rests, after {@link #SETTLE_AT_MOST}). The screens draw a
     * region again when more of its data arrives, so an element found in the first drawing may be gone a moment
     * later; Selenium's own 500 ms between looks hid that, at half a second per wait, hundreds of times per run.
     * On timeout it keeps a screenshot and puts what the page says into the failure.
     */
    <T> T waitUntil(Duration timeout, Function<ChromeDriver, T> condition) {
        long started = System.nanoTime();
        try {
            return new WebDriverWait(driver, timeout, POLL)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> settled(started) ? condition.apply(driver) : null);
        } catch (TimeoutException e) {
            String shot = "failure-" + FAILURES.incrementAndGet();
            screenshot(shot);
            throw new AssertionError(e.getMessage().lines().findFirst().orElse("timeout") + "\nAt " + driver.getCurrentUrl()
                    + " (screenshot " + shot + ".png), the page says:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Whether the document has been still for {@link #QUIET}, watched by a MutationObserver installed once a page. */
    private boolean settled(long waitStarted) {
        if (System.nanoTime() - waitStarted > SETTLE_AT_MOST.toNanos()) {
            return true;
        }
        try {
            Object still = driver.executeScript(STILL_FOR);
            return still instanceof Number ms && ms.longValue() >= QUIET.toMillis();
        } catch (org.openqa.selenium.WebDriverException e) {
            // An open alert, or a page being replaced: the condition itself says what it sees.
            return true;
        }
    }

    /**
     * What {@code read} finds on the page now, read again when a redraw replaced an element between finding and
     * reading it (a live event may redraw a region at any moment); unlike a wait, it does not wait for a value.
     */
    <T> T now(Function<ChromeDriver, T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.apply(driver);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 10) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
            }
        }
    }

    /** The text of the first element {@code by} finds now, read again if a redraw replaced it meanwhile. */
    String text(By by) {
        return now(d -> d.findElement(by).getText());
    }

    void waitForText(By by, String text) {
        waitUntil(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(text)));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * A phone's screen, {@code width} × {@code height} CSS pixels, through Chrome's device emulation: the page is laid
     * out as on the phone (its viewport meta applies, scrollbars take no width), which a small desktop window is not.
     * Screenshots then show this first screen only.
     */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the desktop window the browser started with, from {@link #phone}: the emulation is cleared. */
    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The whole page, not just the viewport: the window grows to the page's height for the shot. */
    void screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(),
                    (int) Math.min(4000, Math.max(size.getHeight(), height + 140))));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static final Pattern TICKET_URL = Pattern.compile("#/tickets/(\\d+)$");

    /** Whether the report form's question for similar tickets has been answered (JavaScript, an expression). */
    private static final String SIMILAR_ANSWERED = "performance.getEntriesByType('resource')"
            + ".some(e => e.name.includes('/api/tickets/similar?') && e.responseEnd > 0)";

    /** Waits until the report form on screen has been offered the similar tickets of what was typed. */
    public void awaitSimilarTickets() {
        waitUntil(d -> Boolean.TRUE.equals(script("return " + SIMILAR_ANSWERED)));
    }

    /** Sends the report form on screen and waits for the new ticket's page: its number. */
    public long submitReport() {
        // Once the similar tickets offered above the button have been asked for and drawn: they arrive after a pause
        // in typing and push the button down, and a click aimed a moment before landed beside it. A text too short to
        // compare asks nothing.
        waitUntil(d -> Boolean.TRUE.equals(script("""
                const text = [...document.querySelectorAll('form [name=title], form [name=description]')]
                  .map(e => e.value).join(' ').trim();
                return text.length < 12 || (""" + SIMILAR_ANSWERED + ")")));
        click(By.cssSelector("form button[type=submit]"));
        return waitUntil(d -> Optional.of(TICKET_URL.matcher(d.getCurrentUrl()))
                .filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).orElse(null));
    }
}
