package campus.helpdesk.system.browser;

import campus.helpdesk.api.NewMessage;
import campus.helpdesk.client.MessageClient;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.system.GatewayClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student on a 390 × 844 phone: the header is one row with a Menu that opens and closes by keyboard, the first
 * screen of the list shows at least five tickets of two lines each, nothing scrolls sideways, and the focus shows a
 * ring only where a key press put it, never a line across the page after a navigation.
 */
class PhoneLayoutInTheBrowserTest {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;
    private static final String WORD = "P" + UUID.randomUUID().toString().substring(0, 6);
    private static final String STUDENT = "Mia Phone " + WORD;
    private static final String STAFF = "Omar Phone " + WORD;

    private static URI gateway;
    private static final List<Long> tickets = new ArrayList<>();

    /** Seven tickets of one student: one with a title far too long for a line, one answered and not yet read. */
    @BeforeAll
    static void aStudentWithSevenTickets() {
        gateway = TestGateway.uri();
        GatewayApi student = GatewayApi.signIn(gateway, STUDENT, "STUDENT");
        for (int i = 1; i <= 6; i++) {
            tickets.add(student.createTicket("Radiator " + i + " in room B" + i + " is cold " + WORD,
                    "The radiator under the window stays cold all day."));
        }
        tickets.add(student.createTicket("The projector in lecture hall A shows every slide with a green tint and "
                + "flickers whenever the laptop is charging, and the sound cuts out after ten minutes " + WORD,
                "Since Monday."));
        long answered = tickets.get(0);
        GatewayApi.signIn(gateway, STAFF, "STAFF").move(answered, "ACTIVE");
        OnBehalfOf.person(STAFF, "STAFF").run(() -> GatewayClients.at(gateway, MessageClient.class)
                .post(answered, new NewMessage("A technician is on the way " + WORD, false)));
    }

    @Test
    void theHeaderIsOneRowAndTheFirstScreenShowsFiveTicketsOfTwoLines() {
        try (Browser student = new Browser(gateway)) {
            student.phone(WIDTH, HEIGHT);
            student.signIn(STUDENT, "STUDENT");
            student.open("#/tickets?reporter=me");
            awaitRows(student, tickets.size());
            student.waitFor(By.cssSelector("tr[data-ticket-id='" + tickets.get(0) + "'] .unread-marker"));
            student.screenshot("30-phone-my-tickets");

            assertThat(height(student, ".topbar")).as("the header: one row").isLessThanOrEqualTo(64);
            List<double[]> rows = rowBoxes(student);
            assertThat(rows).allSatisfy(r -> assertThat(r[1] - r[0]).as("a row's height").isLessThanOrEqualTo(90));
            assertThat(rows.stream().filter(r -> r[0] >= 0 && r[1] <= HEIGHT).count())
                    .as("rows wholly on the first screen").isGreaterThanOrEqualTo(5);
            assertThat(student.script("""
                    const row = document.querySelector("tr[data-ticket-id='" + arguments[0] + "']");
                    const title = row.querySelector('.title-cell a').getBoundingClientRect();
                    return ['.status-active', '.priority-medium', '.unread-marker', 'td[data-label=Opened] time']
                      .map(s => row.querySelector(s).getBoundingClientRect())
                      .every(b => b.top >= title.bottom - 1 && b.width > 0);
                    """, tickets.get(0))).as("status, priority, New and age on the line below the title")
                    .isEqualTo(true);
            // The number people quote ("my #475") stays, at the end of the title's line.
            assertThat(student.script("""
                    const row = document.querySelector("tr[data-ticket-id='" + arguments[0] + "']");
                    const title = row.querySelector('.title-cell a').getBoundingClientRect();
                    const number = row.querySelector('td[data-label="#"]');
                    const box = number.getBoundingClientRect();
                    return box.width > 0 && box.top < title.bottom && box.bottom > title.top
                      && getComputedStyle(number, '::before').content + number.textContent;
                    """, tickets.get(0))).as("the ticket's number on the title's line")
                    .isEqualTo("\"#\"" + tickets.get(0));
            assertNoSidewaysScrolling(student);

            // By keyboard through the sort headings (shown while focused) to the first title: its ring is not cut off.
            student.script("document.querySelector('.view[aria-pressed=true]').focus()");
            WebElement firstTitle = student.driver.findElement(By.cssSelector(".tickets tbody .title-cell a"));
            keyUntilFocused(student, Keys.TAB, firstTitle);
            assertThat(student.script("""
                    const link = document.activeElement;
                    const s = getComputedStyle(link);
                    const ring = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
                    const a = link.getBoundingClientRect();
                    const cell = link.closest('td').getBoundingClientRect();
                    return ring >= 4 && a.left - ring >= cell.left && a.top - ring >= cell.top
                      && a.bottom + ring <= cell.bottom;
                    """)).as("the focused title's whole ring inside its cell, which clips").isEqualTo(true);

            student.open("#/tickets/" + tickets.get(6));
            student.waitFor(By.id("ticket-description"));
            student.screenshot("31-phone-ticket");
            assertNoSidewaysScrolling(student);

            student.open("#/report");
            student.waitFor(By.name("title"));
            student.screenshot("32-phone-report-form");
            assertNoSidewaysScrolling(student);

            // The longest live status there is (German, reconnecting) gives way to the mark beside it.
            student.script("const s = document.getElementById('live-status'); s.dataset.state = 'reconnecting';"
                    + " s.textContent = 'Verbindung wird wiederhergestellt…';");
            assertThat(student.script("""
                    const mark = document.querySelector('.brand-mark').getBoundingClientRect();
                    const status = document.getElementById('live-status').getBoundingClientRect();
                    const menu = document.getElementById('menu-button').getBoundingClientRect();
                    return mark.width > 20 && mark.right <= status.left && status.right <= menu.left
                      && menu.right <= innerWidth;
                    """)).as("the mark, the status and Menu side by side, none over another").isEqualTo(true);
            assertThat(height(student, ".topbar")).as("the header: one row").isLessThanOrEqualTo(64);
        }
    }

    /** The column headings that sort are hidden at phone width, so a touch screen sorts with a choice above the list. */
    @Test
    void aTouchScreenSortsTheListWithTheChoiceAboveItWhichWideScreensDoNotShow() {
        try (Browser student = new Browser(gateway)) {
            student.phone(WIDTH, HEIGHT);
            student.signIn(STUDENT, "STUDENT");
            student.open("#/tickets?reporter=me");
            awaitRows(student, tickets.size());
            WebElement choice = student.waitFor(By.id("sort-choice"));
            assertThat(choice.isDisplayed()).as("the sort choice at phone width").isTrue();
            assertThat(new Select(choice).getFirstSelectedOption().getAttribute("value")).isEqualTo("openedAt,desc");

            new Select(choice).selectByValue("title,asc");
            student.waitUntil(d -> d.getCurrentUrl().contains("sort=title%2Casc"));
            student.waitUntil(d -> String.valueOf(tickets.get(0)).equals(firstRow(student)));
            assertThat(new Select(student.driver.findElement(By.id("sort-choice"))).getFirstSelectedOption()
                    .getAttribute("value")).as("the choice says the order shown").isEqualTo("title,asc");
            assertNoSidewaysScrolling(student);

            student.desktop();
            assertThat(student.driver.findElement(By.id("sort-choice")).isDisplayed())
                    .as("wide, the headings sort and the choice is not shown").isFalse();
        }
    }

    private static String firstRow(Browser browser) {
        return String.valueOf(browser.script("return document.querySelector('.tickets tbody tr').dataset.ticketId"));
    }

    @Test
    void theQueueWithItsResponseTargetsKeepsTwoLinesAndItsTicketFitsAPhone() {
        try (Browser staff = new Browser(gateway)) {
            staff.phone(WIDTH, HEIGHT);
            staff.signIn(STAFF, "STAFF");
            staff.open("#/tickets?status=OPEN&q=" + WORD);
            awaitRows(staff, tickets.size() - 1);
            staff.screenshot("33-phone-queue");
            assertThat(staff.driver.findElements(By.cssSelector(".tickets tbody .sla"))).isNotEmpty();
            assertThat(rowBoxes(staff)).allSatisfy(r -> assertThat(r[1] - r[0]).isLessThanOrEqualTo(90));
            assertNoSidewaysScrolling(staff);
            assertTheTabsFit(staff);

            staff.open("#/tickets/" + tickets.get(0));
            staff.waitFor(By.cssSelector("[data-action=close]"));
            staff.screenshot("34-phone-ticket-staff");
            assertNoSidewaysScrolling(staff);
        }
    }

    @Test
    void theMenuOpensAndClosesByKeyboardAndLeadsToAnotherScreen() {
        try (Browser student = new Browser(gateway)) {
            student.phone(WIDTH, HEIGHT);
            student.signIn(STUDENT, "STUDENT");
            student.waitFor(By.name("title"));
            WebElement button = student.driver.findElement(By.id("menu-button"));
            assertThat(student.driver.findElement(By.id("live-status")).isDisplayed())
                    .as("the live status stays in the header").isTrue();
            assertThat(student.driver.findElement(By.cssSelector("#nav a")).isDisplayed()).isFalse();

            keyUntilFocused(student, Keys.chord(Keys.SHIFT, Keys.TAB), button);
            press(student, Keys.ENTER);
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(student.driver.findElement(By.cssSelector("#nav a")).isDisplayed()).isTrue();
            assertThat(student.driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
            student.screenshot("35-phone-menu-open");
            press(student, Keys.TAB);
            assertThat(student.driver.switchTo().activeElement())
                    .isEqualTo(student.driver.findElement(By.cssSelector("#nav a")));

            press(student, Keys.ESCAPE);
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(student.driver.findElement(By.cssSelector("#nav a")).isDisplayed()).isFalse();
            assertThat(student.driver.switchTo().activeElement()).as("the focus is back on Menu").isEqualTo(button);

            press(student, Keys.SPACE);
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
            keyUntilFocused(student, Keys.TAB, student.driver.findElement(By.cssSelector("#nav a[href^='#/tickets']")));
            press(student, Keys.ENTER);
            // The list then writes its sort order into the address (#/tickets?sort=...).
            student.waitUntil(d -> d.getCurrentUrl().contains("#/tickets"));
            student.waitForText(By.tagName("h1"), "Tickets");
            assertThat(student.waitFor(By.cssSelector("button.view[aria-pressed=true]")).getAttribute("data-view"))
                    .as("a student's Tickets opens their own").isEqualTo("mine");
            assertThat(button.getAttribute("aria-expanded")).as("a chosen link closes the menu").isEqualTo("false");
            assertTheHeadingHasTheFocusWithoutARing(student);
        }
    }

    @Test
    void aFocusRingShowsWhereTheKeyboardIsWithEnoughContrastAndNowhereAfterANavigation() {
        try (Browser student = new Browser(gateway)) {
            student.signIn(STUDENT, "STUDENT");
            student.waitFor(By.name("title"));
            WebElement tickets = student.driver.findElement(By.cssSelector("#nav a[href^='#/tickets']"));
            keyUntilFocused(student, Keys.chord(Keys.SHIFT, Keys.TAB), tickets);
            assertRingWithContrast(student, "a link in the dark header");
            press(student, Keys.ENTER);
            student.waitForText(By.tagName("h1"), "Tickets");
            student.waitUntil(d -> "H1".equals(student.script("return document.activeElement.tagName")));
            student.screenshot("36-focus-after-navigation");
            assertTheHeadingHasTheFocusWithoutARing(student);

            press(student, Keys.TAB);
            assertThat(student.script("return document.activeElement.textContent")).isEqualTo("Report a problem");
            assertRingWithContrast(student, "a button on the page");
        }
    }

    private static void assertTheHeadingHasTheFocusWithoutARing(Browser browser) {
        browser.waitUntil(d -> "H1".equals(browser.script("return document.activeElement.tagName")));
        Map<?, ?> focus = (Map<?, ?>) browser.script("""
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return { outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth), shadow: s.boxShadow };
                """);
        assertThat(((Number) focus.get("outline")).doubleValue()).as("outline on the focused heading").isZero();
        assertThat(focus.get("shadow")).as("box shadow on the focused heading").isEqualTo("none");
    }

    /** The focused element's outline is solid, at least 2 px, and 3:1 against the background around it (WCAG 2.4.13). */
    private static void assertRingWithContrast(Browser browser, String what) {
        Map<?, ?> ring = (Map<?, ?>) browser.script("""
                const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
                const lum = c => {
                  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
                };
                const el = document.activeElement;
                const s = getComputedStyle(el);
                let around = [255, 255, 255];
                for (let p = el.parentElement; p; p = p.parentElement) {
                  const c = rgb(getComputedStyle(p).backgroundColor);
                  if (c.length === 3 || c[3] > 0) { around = c; break; }
                }
                const [light, dark] = [lum(rgb(s.outlineColor)), lum(around)].sort((a, b) => b - a);
                return { style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                  contrast: (light + 0.05) / (dark + 0.05) };
                """);
        assertThat(ring.get("style")).as("outline style on " + what).isEqualTo("solid");
        assertThat(((Number) ring.get("width")).doubleValue()).as("outline width on " + what).isGreaterThanOrEqualTo(2);
        assertThat(((Number) ring.get("contrast")).doubleValue()).as("ring contrast on " + what)
                .isGreaterThanOrEqualTo(3);
    }

    private static void keyUntilFocused(Browser browser, CharSequence key, WebElement target) {
        for (int i = 0; i < 40 && !target.equals(browser.driver.switchTo().activeElement()); i++) {
            press(browser, key);
        }
        assertThat(browser.driver.switchTo().activeElement()).as("reached by keyboard").isEqualTo(target);
    }

    private static void press(Browser browser, CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    private static void awaitRows(Browser browser, int count) {
        browser.waitUntil(d -> d.findElements(By.cssSelector(".results[aria-busy=false]")).size() == 1
                && d.findElements(By.cssSelector(".tickets tbody tr")).size() >= count);
    }

    private static double height(Browser browser, String selector) {
        return ((Number) browser.script("return document.querySelector(arguments[0]).getBoundingClientRect().height",
                selector)).doubleValue();
    }

    /** Each row's top and bottom in the viewport, with the page scrolled to its start. */
    private static List<double[]> rowBoxes(Browser browser) {
        browser.script("window.scrollTo(0, 0)");
        List<?> boxes = (List<?>) browser.script("""
                return [...document.querySelectorAll('.tickets tbody tr')]
                  .map(r => r.getBoundingClientRect()).map(b => [b.top, b.bottom]);
                """);
        return boxes.stream().map(b -> ((List<?>) b).stream().mapToDouble(n -> ((Number) n).doubleValue()).toArray())
                .toList();
    }

    @Test
    void theQueuesTabsFitAPhoneInGermanToo() {
        try (Browser staff = new Browser(gateway, "de-DE")) {
            staff.phone(WIDTH, HEIGHT);
            staff.signIn(STAFF, "STAFF");
            staff.open("#/tickets?status=OPEN&q=" + WORD);
            awaitRows(staff, tickets.size() - 1);
            staff.waitForText(By.cssSelector(".tabs"), "Geschlossen");
            assertTheTabsFit(staff);
            staff.screenshot("33b-phone-queue-de");
        }
    }

    /** Open, Active and Closed with their counts in one strip, none cut off behind its sideways scroll. */
    private static void assertTheTabsFit(Browser browser) {
        assertThat(browser.script("const t = document.querySelector('.tabs'); return t.scrollWidth - t.clientWidth"))
                .as("how far the tab strip scrolls").isEqualTo(0L);
    }

    private static void assertNoSidewaysScrolling(Browser browser) {
        Object width = browser.script("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(WIDTH);
    }
}
