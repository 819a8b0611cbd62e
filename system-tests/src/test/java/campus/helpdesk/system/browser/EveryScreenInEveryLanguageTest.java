package campus.helpdesk.system.browser;

import campus.helpdesk.api.NewMessage;
import campus.helpdesk.client.MessageClient;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.system.GatewayClients;
import campus.helpdesk.system.trust.GatewayClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit of issue 15: every screen, for every role that may open it, with data on it. axe-core finds nothing
 * serious or critical at desktop and phone width; in each of the five languages, chosen with the header's switch and
 * remembered across a reload, nothing reaches past a 390 px phone's right edge (a screenshot per language and
 * screen); no English is left in another language's rendering; and the browser's own language picks the first one.
 * One browser per role, reused across languages and screens.
 */
class EveryScreenInEveryLanguageTest {

    private static final List<String> LANGUAGES = List.of("en", "it", "es", "de", "fr");
    private static final String WORD = "A" + UUID.randomUUID().toString().substring(0, 6);
    private static final String STUDENT = "Lina Student " + WORD;
    private static final String STAFF = "Omar Staff " + WORD;
    private static final String ANALYST = "Ines Analyst " + WORD;

    /** One screen as a role sees it: where it is and what shows that its data is drawn. */
    private record Screen(String role, String name, String hash, String drawn) {
    }

    private static URI gateway;
    private static final Map<String, List<Screen>> SCREENS = new LinkedHashMap<>();

    /**
     * A student with two tickets, one answered with a conversation; an outage with a second report linked to it;
     * an API token and an integration on the staff's screen.
     */
    @BeforeAll
    static void aDeskWithSomethingOnEveryScreen() {
        gateway = TestGateway.uri();
        GatewayApi student = GatewayApi.signIn(gateway, STUDENT, "STUDENT");
        GatewayApi staff = GatewayApi.signIn(gateway, STAFF, "STAFF");
        student.createTicket("Radiator in room B12 is cold " + WORD, "The radiator under the window stays cold.");
        long answered = student.createTicket("Wi-Fi drops in the reading room " + WORD,
                "Every ten minutes the connection is gone for a minute.");
        staff.move(answered, "ACTIVE");
        MessageClient messages = GatewayClients.at(gateway, MessageClient.class);
        OnBehalfOf.person(STAFF, "STAFF").run(() -> messages.post(answered,
                new NewMessage("Which access point does your laptop show? " + WORD, false)));
        OnBehalfOf.person(STUDENT, "STUDENT").run(() -> messages.post(answered,
                new NewMessage("It says AP-3 near the window.", false)));

        long outage = GatewayApi.signIn(gateway, "Marco Student " + WORD, "STUDENT")
                .createTicket("Eduroam down in the library " + WORD, "No connection in the library since nine.");
        long linked = GatewayApi.signIn(gateway, "Ada Student " + WORD, "STUDENT")
                .createTicket("No eduroam on floor 2 " + WORD, "Nothing loads on floor 2 of the library.");
        Map<String, String> asStaff = Map.of("Cookie", staff.cookie());
        expect(200, GatewayClient.send(gateway.resolve("/api/tickets/" + outage + "/links"), "POST",
                Map.of("tickets", List.of(linked)), asStaff));
        expect(201, GatewayClient.send(gateway.resolve("/api/tokens"), "POST",
                Map.of("name", "audit-" + WORD.toLowerCase(), "role", "ANALYST", "days", 1), asStaff));
        expect(201, GatewayClient.send(gateway.resolve("/api/integrations"), "POST",
                Map.of("name", "bms-" + WORD.toLowerCase()), asStaff));

        String queue = "#/tickets?q=" + WORD;
        SCREENS.put("signed-out", List.of(new Screen("signed-out", "signin", "#/signin", "input[name=name]"),
                new Screen("signed-out", "about", "#/about", "#app table")));
        SCREENS.put("student", List.of(new Screen("student", "report", "#/report", "input[name=title]"),
                new Screen("student", "tickets", "#/tickets", ".tickets tbody tr"),
                new Screen("student", "ticket", "#/tickets/" + answered, "#ticket-description")));
        SCREENS.put("staff", List.of(new Screen("staff", "queue", queue, ".tickets tbody tr"),
                new Screen("staff", "report", "#/report", "input[name=title]"),
                new Screen("staff", "ticket", "#/tickets/" + outage, "#ticket-description"),
                new Screen("staff", "dashboard", "#/dashboard", "#kpis"),
                new Screen("staff", "tokens", "#/tokens", "#integrations-table"),
                new Screen("staff", "mail-settings", "#/mail-settings", "#mail-settings")));
        SCREENS.put("analyst", List.of(new Screen("analyst", "dashboard", "#/dashboard", "#kpis"),
                new Screen("analyst", "tickets", queue, ".tickets tbody tr"),
                new Screen("analyst", "ticket", "#/tickets/" + answered, "#ticket-description")));
    }

    @Test
    void axeFindsNothingSeriousOnAnyScreenForAnyRoleAtEitherWidth() {
        assertThat(walkEveryScreen().axe()).as("axe-core's serious and critical findings (WCAG 2.1 A and AA)").isEmpty();
    }

    @Test
    void inEveryLanguageNothingReachesPastAPhonesRightEdge() {
        assertThat(walkEveryScreen().overflow()).as("horizontal overflow at 390 px").isEmpty();
    }

    @Test
    void noEnglishIsLeftInAnotherLanguagesRendering() {
        List<String> english = walkEveryScreen().english();
        // A long list is printed with its middle left out: the count says how many there are.
        assertThat(english).as(english.size() + " English texts left in another language (language, role, screen, text)")
                .isEmpty();
    }

    /** The audit's own check: a field without a name and a box too wide, put on a real screen, are both found. */
    @Test
    void theAuditSeesAnUnnamedFieldAndABoxTooWide() {
        try (Browser browser = new Browser(gateway)) {
            browser.phone(390, 844);
            visit(browser, SCREENS.get("signed-out").getFirst());
            browser.script("""
                    const field = document.createElement('input');
                    field.id = 'audit-unnamed';
                    const wide = document.createElement('p');
                    wide.id = 'audit-wide';
                    wide.textContent = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen';
                    wide.style.whiteSpace = 'nowrap';
                    document.querySelector('#app form').append(field, wide);
                    """);
            assertThat(ScreenAudit.seriousViolations(browser)).anyMatch(v -> v.contains("#audit-unnamed"));
            assertThat(ScreenAudit.overflow(browser)).anyMatch(o -> o.contains("p#audit-wide"));
        }
    }

    @Test
    void theBrowsersLanguageChoosesTheFirstWordsAndAStoredChoiceWinsOverIt() {
        try (Browser browser = new Browser(gateway, "de-DE")) {
            browser.open("#/signin");
            browser.waitUntil(d -> "de".equals(browser.script("return document.documentElement.lang")));
            String german = catalogueValue(browser, "de", "common.aboutLink");
            assertThat(german).isNotEqualTo(catalogueValue(browser, "en", "common.aboutLink"));
            browser.waitForText(By.id("about-link"), german);
            assertThat(new Select(browser.driver.findElement(By.id("language"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("de");

            chooseLanguage(browser, "fr");
            browser.waitForText(By.id("about-link"), catalogueValue(browser, "fr", "common.aboutLink"));
        }
    }

    /** What the walk found, each line naming the language, role and screen (and the width for axe). */
    private record Findings(List<String> axe, List<String> overflow, List<String> english) {
    }

    private static Findings findings;
    private static RuntimeException walkFailed;

    /**
     * One walk serves the three checks: each screen is drawn once per language, looked at on the desktop (axe in
     * English; the English left in another language) and then, without reloading, as a 390 px phone (axe in English,
     * the overflow, the screenshot). Walking it once per check drew every screen three times over. A screen drawn at
     * desktop width keeps what it opened there (the list's filter box) when it turns into a phone: the phone check then
     * covers that box open, which a phone user can do with one tap. A walk that fails fails all three checks with its
     * own error instead of walking again.
     */
    private static synchronized Findings walkEveryScreen() {
        if (walkFailed != null) {
            throw walkFailed;
        }
        if (findings == null) {
            try {
                findings = walk();
            } catch (RuntimeException | AssertionError e) {
                walkFailed = new IllegalStateException("the walk through every screen stopped", e);
                throw walkFailed;
            }
        }
        return findings;
    }

    private static Findings walk() {
        Findings found = new Findings(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        forEveryRole((screens, browser) -> {
            Map<Screen, Set<String>> english = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                boolean inEnglish = language.equals("en");
                chooseLanguage(browser, language);
                var catalogue = inEnglish ? null : ScreenAudit.catalogue(browser, language);
                for (Screen screen : screens) {
                    String where = screen.role() + " " + screen.name();
                    browser.desktop();
                    visit(browser, screen);
                    if (inEnglish) {
                        english.put(screen, ScreenAudit.texts(browser));
                        ScreenAudit.seriousViolations(browser).forEach(v -> found.axe().add(where + " at 1280 px: " + v));
                    } else {
                        ScreenAudit.stray(ScreenAudit.texts(browser), english.get(screen), catalogue).forEach(text ->
                                found.english().add(language + " " + where + ": \"" + text + "\" in "
                                        + ScreenAudit.where(browser, text)));
                    }
                    browser.phone(390, 844);
                    visit(browser, screen);
                    if (inEnglish) {
                        ScreenAudit.seriousViolations(browser).forEach(v -> found.axe().add(where + " at 390 px: " + v));
                    }
                    screenshot(browser, language, screen);
                    ScreenAudit.overflow(browser).forEach(o -> found.overflow().add(language + " " + where + ": " + o));
                }
            }
        });
        return found;
    }

    /** One browser per role, signed in as it (the signed-out one on the sign-in screen), closed afterwards. */
    private static void forEveryRole(BiConsumer<List<Screen>, Browser> audit) {
        for (String role : SCREENS.keySet()) {
            try (Browser browser = new Browser(gateway)) {
                switch (role) {
                    case "student" -> browser.signIn(STUDENT, "STUDENT");
                    case "staff" -> browser.signIn(STAFF, "STAFF");
                    case "analyst" -> browser.signIn(ANALYST, "ANALYST");
                    default -> browser.open("#/signin");
                }
                audit.accept(SCREENS.get(role), browser);
            }
        }
    }

    /**
     * Chooses the language with the header's switch, then reloads: the page must come back in it (remembered) with
     * the switch showing it.
     */
    private static void chooseLanguage(Browser browser, String language) {
        // The switch gets its options once the first catalogue is in.
        browser.waitFor(By.cssSelector("#language option[value=" + language + "]"));
        new Select(browser.waitFor(By.id("language"))).selectByValue(language);
        browser.waitUntil(d -> language.equals(browser.script("return document.documentElement.lang")));
        browser.driver.navigate().refresh();
        browser.waitUntil(d -> language.equals(browser.script("return document.documentElement.lang"))
                && language.equals(browser.script("return document.getElementById('language').value")));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
                "return !!document.querySelector('#app h1') && !document.querySelector('#app .loading')")));
    }

    /** Opens the screen and waits until it is drawn: its heading, its data, nothing loading or busy. */
    private static void visit(Browser browser, Screen screen) {
        if (!screen.hash().equals(browser.script("return location.hash"))) {
            browser.script("document.querySelectorAll('#app h1').forEach(h => h.dataset.auditOld = '')");
            browser.open(screen.hash());
        }
        browser.waitUntil(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(browser.script("""
                return !!document.querySelector('#app h1:not([data-audit-old])')
                  && !!document.querySelector(arguments[0])
                  && !document.querySelector('#app .loading') && !document.querySelector('[aria-busy=true]');
                """, screen.drawn())));
    }

    private static void screenshot(Browser browser, String language, Screen screen) {
        try {
            Files.createDirectories(Browser.SCREENSHOTS.resolve(language));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.screenshot(language + "/" + screen.role() + "-" + screen.name());
    }

    private static String catalogueValue(Browser browser, String language, String key) {
        return (String) browser.driver.executeAsyncScript("""
                const [lang, key, done] = arguments;
                fetch(`/i18n/${lang}/common.json`).then(r => r.json()).then(words => done(words[key]));
                """, language, key);
    }

    private static void expect(int status, GatewayClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    }
}
