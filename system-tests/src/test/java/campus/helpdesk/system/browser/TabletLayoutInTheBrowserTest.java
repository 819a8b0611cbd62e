package campus.helpdesk.system.browser;

import campus.helpdesk.system.trust.GatewayClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
        GatewayApi staffApi = GatewayApi.signIn(gateway, staffName, "STAFF");
        // A token of its own, so the tokens' table is there whichever tests ran before in this suite.
        assertThat(GatewayClient.send(gateway.resolve("/api/tokens"), "POST", Map.of("name", "tablet-"
                + word.toLowerCase(java.util.Locale.ROOT), "role", "ANALYST", "days", 1),
                Map.of("Cookie", staffApi.cookie())).status()).isEqualTo(201);

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

    /**
     * On a laptop the queue's table fits its own box too: no row of the Open or Active tab hides its last column
     * behind a scroll bar. The widest rows a queue has: an ACTIVE incident with its badge, handled by someone with a
     * long name, in German.
     */
    @Test
    void aLaptopShowsTheQueueWithoutScrollingInsideItsBox() {
        String word = "Lap" + UUID.randomUUID().toString().substring(0, 6);
        URI gateway = TestGateway.uri();
        String staffName = "Maximiliane Schwarzenberger-Hohenlohe " + word;
        GatewayApi student = GatewayApi.signIn(gateway, "Lena Studentin " + word, "STUDENT");
        long incident = student.createTicket("WLAN-Ausfall im Hauptgebäude " + word,
                "Kein WLAN im Hauptgebäude " + word + ".");
        long linked = GatewayApi.signIn(gateway, "Jonas Student " + word, "STUDENT")
                .createTicket("Kein Internet im Hörsaal " + word, "Im Hörsaal " + word + " geht nichts.");
        GatewayApi staffApi = GatewayApi.signIn(gateway, staffName, "STAFF");
        assertThat(GatewayClient.send(gateway.resolve("/api/tickets/" + incident + "/links"), "POST",
                Map.of("tickets", List.of(linked)), Map.of("Cookie", staffApi.cookie())).status()).isBetween(200, 299);
        staffApi.move(incident, "ACTIVE");

        try (Browser staff = new Browser(gateway, "de-DE")) {
            staff.signIn(staffName, "STAFF");
            for (int width : new int[] {1280, 1366, 1024}) {
                for (String status : new String[] {"ACTIVE", "OPEN"}) {
                    staff.driver.manage().window().setSize(new Dimension(width, 900));
                    staff.open("#/tickets?status=" + status + "&assignee=&q=" + word);
                    staff.waitFor(By.cssSelector(".tickets tbody tr"));
                    staff.waitUntil(d -> noSidewaysScrolling(staff));
                    assertThat(staff.script("const box = document.querySelector('.tickets').closest('.table-scroll');"
                            + " return box.scrollWidth - box.clientWidth")).as(width + ", " + status
                            + ": how far the list's box scrolls").isEqualTo(0L);
                }
            }
            staff.driver.manage().window().setSize(new Dimension(1280, 900));
            staff.open("#/tickets?status=ACTIVE&q=" + word);
            staff.waitFor(By.cssSelector("tr[data-ticket-id='" + incident + "'] .incident-badge"));
            staff.screenshot("46-laptop-queue-1280-de");
        }
    }

    private static boolean noSidewaysScrolling(Browser browser) {
        return Boolean.TRUE.equals(browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }
}
