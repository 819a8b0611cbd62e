package campus.helpdesk.system.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop header of the fullest role, staff (four links, the live status, name, "My email", sign-out and the
 * language), on a 1280 px laptop: one row in English and German, the brand showing its mark only while its name
 * stays the link's name; on a wide screen the name shows again. Narrower (a tablet, or French at 1280 px) the links
 * and the session fold behind the Menu button instead of taking a second row, and the brand has room for its name.
 */
class HeaderInTheBrowserTest {

    private static final String STAFF = "Omar Header " + UUID.randomUUID().toString().substring(0, 6);
    /** Items of one row differ by a few pixels in their tops; a second row starts a row's height lower. */
    private static final String ONE_ROW = """
            const tops = [...document.querySelectorAll('.topbar .brand, .topbar .live-status, .topbar .language-switch,'
                + ' .topbar .nav, .topbar .session')]
              .filter(e => !e.hidden && e.getClientRects().length > 0).map(e => e.getBoundingClientRect().top);
            return tops.length === 5 && Math.max(...tops) - Math.min(...tops) <= 20;
            """;
    /** The row a folded header keeps: the brand, the live status, the language and the Menu button. */
    private static final String FOLDED_ROW = """
            const shown = e => e && !e.hidden && e.getClientRects().length > 0;
            const row = ['.brand', '.live-status', '.language-switch', '.menu-button']
              .map(s => document.querySelector('.topbar ' + s)).filter(shown);
            const tops = row.map(e => e.getBoundingClientRect().top);
            return row.length === 4 && Math.max(...tops) - Math.min(...tops) <= 20
              && !shown(document.querySelector('.topbar .nav-link'));
            """;
    private static final String BRAND_NAME_WIDTH =
            "return document.querySelector('.topbar .brand-name').getBoundingClientRect().width";

    @Test
    void aStaffHeaderKeepsOneRowAtLaptopWidthInEnglishAndGerman() {
        try (Browser staff = new Browser(TestGateway.uri())) {
            staff.signIn(STAFF, "STAFF");
            staff.driver.manage().window().setSize(new Dimension(1280, 900));
            for (String language : new String[] {"en", "de"}) {
                staff.waitFor(By.cssSelector("#language option[value=" + language + "]"));
                new Select(staff.waitFor(By.id("language"))).selectByValue(language);
                staff.waitUntil(d -> language.equals(staff.script("return document.documentElement.lang")));
                staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(ONE_ROW)));
                assertThat(((Number) staff.script(BRAND_NAME_WIDTH)).doubleValue()).as("the brand's name, " + language)
                        .isLessThanOrEqualTo(1);
                assertThat(staff.driver.findElement(By.cssSelector(".topbar .brand")).getAttribute("textContent"))
                        .as("the brand link's name").contains("Campus Helpdesk");
            }
            staff.screenshot("40-staff-header-1280-de");

            staff.driver.manage().window().setSize(new Dimension(1700, 900));
            staff.waitUntil(d -> ((Number) staff.script(BRAND_NAME_WIDTH)).doubleValue() > 50);
            assertThat(staff.script(ONE_ROW)).as("one row on a wide screen").isEqualTo(true);
        }
    }

    @Test
    void aHeaderTooNarrowForOneRowFoldsItsLinksBehindTheMenuButton() {
        try (Browser staff = new Browser(TestGateway.uri())) {
            staff.signIn(STAFF, "STAFF");
            staff.driver.manage().window().setSize(new Dimension(900, 800));
            staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(FOLDED_ROW)));
            assertThat(((Number) staff.script(BRAND_NAME_WIDTH)).doubleValue())
                    .as("the brand's name, with room for it in the folded row").isGreaterThan(50);
            staff.screenshot("43-staff-header-900-folded");

            staff.click(By.id("menu-button"));
            staff.waitUntil(d -> d.findElement(By.cssSelector("#nav a[href='#/dashboard']")).isDisplayed());
            assertThat(staff.driver.findElement(By.id("sign-out")).isDisplayed()).as("the session, in the menu")
                    .isTrue();
            staff.screenshot("44-staff-header-900-menu-open");
            staff.click(By.cssSelector("#nav a[href='#/dashboard']"));
            staff.waitUntil(d -> d.getCurrentUrl().endsWith("#/dashboard"));
            staff.waitUntil(d -> !d.findElement(By.cssSelector("#nav a[href='#/dashboard']")).isDisplayed());
            assertThat(staff.driver.findElement(By.id("menu-button")).getAttribute("aria-expanded"))
                    .as("closed by the link it led through").isEqualTo("false");

            // French's longer words need about 1,380 px for the whole row: at 1280 px it is one row, folded or not
            // (which depends on the fonts and the name's width).
            staff.driver.manage().window().setSize(new Dimension(1280, 900));
            staff.waitFor(By.cssSelector("#language option[value=fr]"));
            new Select(staff.waitFor(By.id("language"))).selectByValue("fr");
            staff.waitUntil(d -> "fr".equals(staff.script("return document.documentElement.lang")));
            staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(FOLDED_ROW))
                    || Boolean.TRUE.equals(staff.script(ONE_ROW)));

            // A menu left open as the header unfolds is closed: it does not show unasked when the header folds again.
            staff.driver.manage().window().setSize(new Dimension(900, 800));
            staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(FOLDED_ROW)));
            staff.click(By.id("menu-button"));
            staff.waitUntil(d -> d.findElement(By.cssSelector("#nav a[href='#/dashboard']")).isDisplayed());

            // Wide again, everything is back in the row.
            staff.driver.manage().window().setSize(new Dimension(1700, 900));
            staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(ONE_ROW)));
            assertThat(staff.driver.findElement(By.id("menu-button")).isDisplayed()).isFalse();

            staff.driver.manage().window().setSize(new Dimension(900, 800));
            staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(FOLDED_ROW)));
            assertThat(staff.driver.findElement(By.id("menu-button")).getAttribute("aria-expanded")).isEqualTo("false");
        }
    }
}
