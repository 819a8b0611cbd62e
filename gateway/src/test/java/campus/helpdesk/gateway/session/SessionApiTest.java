package campus.helpdesk.gateway.session;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class SessionApiTest {

    @Inject
    GatewayHttp http;

    @Test
    void signingInSetsAnHttpOnlySameSiteStrictCookieForTheWholeSite() {
        HttpResponse<String> r = http.post("/api/session", "{\"name\":\"Ann Lee\",\"role\":\"STUDENT\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(Sessions.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/");
        assertThat(r.body()).contains("\"name\":\"Ann Lee\"").contains("\"role\":\"STUDENT\"");
    }

    @Test
    void theSessionIsReadBackFromTheCookie() {
        String cookie = http.signIn("Bo", "STAFF");
        HttpResponse<String> r = http.get("/api/session", "Cookie", cookie);
        assertThat(r.body()).contains("\"signedIn\":true").contains("\"name\":\"Bo\"").contains("\"role\":\"STAFF\"");
    }

    @Test
    void aNameTypedWithACombiningAccentSignsInAsTheComposedName() {
        String cookie = http.signIn("  Jose\u0301 Nun\u0303ez ", "STAFF");
        HttpResponse<String> r = http.get("/api/session", "Cookie", cookie);
        assertThat(r.body()).contains("\"name\":\"Jos\u00e9 Nu\u00f1ez\"");
    }

    /**
     * A name pasted with what nobody sees at its ends (a zero-width space, a no-break space, a byte-order mark) is
     * the name itself: with them it was another person, whose tickets were not this one's. Inside, they stay.
     */
    @Test
    void aNamePastedWithInvisibleCharactersAtItsEndsSignsInAsTheNameItself() {
        String cookie = http.signIn("\u200bSam Lee\u00a0\ufeff", "STUDENT");
        assertThat(http.get("/api/session", "Cookie", cookie).body()).contains("\"name\":\"Sam Lee\"");
        // An isolate that closes at the name's end stays whole: half of the pair would be refused.
        String isolate = http.signIn("Sam \u2068Lee\u2069", "STUDENT");
        assertThat(http.get("/api/session", "Cookie", isolate).body()).contains("\"name\":\"Sam \u2068Lee\u2069\"");
        String inside = http.signIn("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "STUDENT");
        assertThat(http.get("/api/session", "Cookie", inside).body())
                .contains("\"name\":\"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\"");
    }

    @Test
    void aNameThatComposesToMoreThan80CharactersIsRefused() {
        // U+095B composes to two characters (it is excluded from composition): 80 of them are 160 once stored.
        HttpResponse<String> r = http.post("/api/session",
                "{\"name\":\"" + "\u095B".repeat(80) + "\",\"role\":\"STUDENT\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"name\"").contains("at most 80");
    }

    @Test
    void withoutACookieNobodyIsSignedInAndTheScreenLearnsWhetherACodeIsNeeded() {
        HttpResponse<String> r = http.get("/api/session");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"signedIn\":false").contains("\"staffCodeRequired\":false");
    }

    @Test
    void aTamperedCookieIsNoSession() {
        String cookie = http.signIn("Bo", "STUDENT");
        HttpResponse<String> r = http.get("/api/session", "Cookie", cookie.substring(0, cookie.length() - 3) + "AAA");
        assertThat(r.body()).contains("\"signedIn\":false");
    }

    @Test
    void signingOutExpiresTheCookie() {
        HttpResponse<String> r = http.send("DELETE", "/api/session", null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    }

    @Test
    void aNameWithANulOrAnotherControlCharacterIsRefusedWithAProblemNamingTheField() {
        for (String name : new String[]{"Ann\\u0000", "Ann\\u0007Lee", "Ann\\nLee"}) {
            HttpResponse<String> r = http.post("/api/session", "{\"name\":\"" + name + "\",\"role\":\"STUDENT\"}");
            assertThat(r.statusCode()).as(name).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(r.body()).contains("\"field\":\"name\"").doesNotContain("Set-Cookie");
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aSignInThatIsNotJsonIs415AndBrokenJsonIs400() throws Exception {
        HttpResponse<String> form = http.client().send(java.net.http.HttpRequest.newBuilder(http.base().resolve(
                        "/api/session")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=Ann&role=STUDENT")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> broken = http.post("/api/session", "{\"name\":\"Ann\",");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownRoleIsRefusedWithAProblemNamingTheField() {
        HttpResponse<String> r = http.post("/api/session", "{\"name\":\"Ann\",\"role\":\"ADMIN\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"role\"").contains("Please choose how you use the helpdesk");
    }

    @Test
    void aBlankOrOverlongNameIsRefusedWithAProblemNamingTheField() {
        HttpResponse<String> blank = http.post("/api/session", "{\"name\":\"  \",\"role\":\"STUDENT\"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"detail\":\"Please enter your name.\"").contains("\"field\":\"name\"");
        HttpResponse<String> longName = http.post("/api/session",
                "{\"name\":\"" + "x".repeat(81) + "\",\"role\":\"STUDENT\"}");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("\"detail\":\"Your name can be at most 80 characters.\"")
                .contains("\"field\":\"name\"");
    }

    @Test
    void aNameTheQueuesFiltersReadAsAWordOrOnTwoLinesIsRefused() {
        for (String name : new String[] {"me", " None ", "\\u2003me\\u3000", "Sam\\nStaff", "Sam\\u2028Staff"}) {
            HttpResponse<String> r = http.post("/api/session", "{\"name\":\"" + name + "\",\"role\":\"STAFF\"}");
            assertThat(r.statusCode()).as(name).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"name\"").contains("not \\\"me\\\" or \\\"none\\\"");
        }
        assertThat(http.post("/api/session", "{\"name\":\"Menon\",\"role\":\"STAFF\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400ProblemNotAStackTrace() {
        HttpResponse<String> r = http.post("/api/session", "{\"name\":");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"detail\"").doesNotContain("Exception");
    }
}
