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
 * the list's own box.
 */
class TabletLayoutInTheBrowserTest {

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
                staff.waitUntil(d -> ((Number) staff.script("return document.documentElement.scrollWidth")).intValue()
                        <= ((Number) staff.script("return document.documentElement.clientWidth")).intValue());
                assertThat(staff.script(SHOWN, ".tickets th[data-column=due]")).as(width + ": due").isEqualTo(true);
                assertThat(staff.script(SHOWN, ".tickets th[data-column=status]")).as(width + ": status")
                        .isEqualTo(true);
                assertThat(staff.script(SHOWN, ".tickets th[data-column=updated]")).as(width + ": updated")
                        .isEqualTo(false);
            }
            staff.screenshot("45-tablet-queue-800-de");

            staff.driver.manage().window().setSize(new Dimension(1400, 900));
            staff.waitUntil(d -> Boolean.TRUE.equals(staff.script(SHOWN, ".tickets th[data-column=updated]")));
        }
    }
}
