package campus.helpdesk.system.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue on a tablet or a small laptop, in German (long words): the page never scrolls sideways. The last change
 * and then the opening time give way to the columns staff work from; what still does not fit would scroll inside
 * the list's own box, as the tables of the tokens and the About page do.
 */
class TabletLayoutInTheBrowserTest {

    /** Every row shows as many cells as the heading row shows headings, each under its own. */
    private static final String COLUMNS_MATCH = """
            const shown = e => e.getClientRects().length > 0;
            const heads = [...document.querySelectorAll('.tickets thead th')].filter(shown);
            return [...document.querySelectorAll('.tickets tbody tr')].every(row => {
              const cells = [...row.children].filter(shown);
              return cells.length === heads.length && cells.every((c, i) =>
                Math.abs(c.getBoundingClientRect().left - heads[i].getBoundingClientRect().left) < 2);
            });
            """;
    private static final String SHOWN = "const e = document.querySelector(arguments[0]);"
            + " return !!e && e.getClientRects().length > 0";

    @Test
    void theQueueFitsATabletWithoutSidewaysScrolling() {
        String word = "Tab" + UUID.randomUUID().toString().substring(0, 6);
        URI gateway = TestGateway.uri();
        String staffName = "Greta Tablet " + word;
        long id = GatewayApi.signIn(gateway, "Lena Studentin " + word, "STUDENT")
                .createTicket("Beamer im Hörsaal " + word + " zeigt kein Bild",
                        "Der Beamer " + word + " bleibt schwarz.");
        GatewayApi.signIn(gateway, staffName, "STAFF");

        try (Browser staff = new Browser(gateway, "de-DE")) {
            staff.signIn(staffName, "STAFF");
            for (int width : new int[] {1024, 800}) {
                staff.driver.manage().window().setSize(new Dimension(width, 800));
                staff.open("#/tickets?status=OPEN&q=" + word);
                staff.waitFor(By.cssSelector("tr[data-ticket-id='" + id + "'] .title-cell a"));
                staff.waitUntil(d -> noSidewaysScrolling(staff));
                assertThat(staff.script(SHOWN, ".tickets th[data-column=due]")).as(width + ": due").isEqualTo(true);
                assertThat(staff.script(SHOWN, ".tickets th[data-column=status]")).as(width + ": status")
                        .isEqualTo(true);
                assertThat(staff.script(SHOWN, ".tickets th[data-column=updated]")).as(width + ": updated")
                        .isEqualTo(false);
                assertThat(staff.script(SHOWN, ".tickets th[data-column=opened]")).as(width + ": opened")
                        .isEqualTo(false);
                assertThat(staff.script(COLUMNS_MATCH)).as(width + ": each row's cells under their headings")
                        .isEqualTo(true);
            }
            staff.screenshot("45-tablet-queue-800-de");

            // The tables of names and dates (the tokens, the services on the About page) scroll inside their cards.
            for (String screen : new String[] {"#/tokens", "#/about"}) {
                for (int width : new int[] {800, 640}) {
                    staff.driver.manage().window().setSize(new Dimension(width, 800));
                    staff.open(screen);
                    staff.waitFor(By.cssSelector(".table-scroll table"));
                    staff.waitUntil(d -> noSidewaysScrolling(staff));
                }
            }

            staff.driver.manage().window().setSize(new Dimension(1400, 900));
            staff.open("#/tickets?status=OPEN&q=" + word);
            staff.waitFor(By.cssSelector("tr[data-ticket-id='" + id + "'] .title-cell a"));
            staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(SHOWN, ".tickets th[data-column=updated]")));
            assertThat(staff.script(COLUMNS_MATCH)).as("wide: each row's cells under their headings").isEqualTo(true);
        }
    }

    private static boolean noSidewaysScrolling(Browser browser) {
        return Boolean.TRUE.equals(browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }
}
