package campus.helpdesk.gateway.security;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class SecurityTest {

    private static final String SIGN_IN = "{\"name\":\"Ann\",\"role\":\"STUDENT\"}";

    @Inject
    EmbeddedServer server;
    @Inject
    GatewayHttp http;

    @Test
    void pagesCarryACspWithoutInlineScriptAndTheOtherSecurityHeaders() {
        for (String path : new String[] {"/", "/js/app.js", "/api/session"}) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
        }
    }

    /**
     * Micronaut's management endpoints name the gateway's classes, threads and routes; on the one port that faces
     * the campus only its health (UP or DOWN) and its guarded /prometheus are served, to no one without a session.
     */
    @Test
    void noManagementEndpointButHealthAnswersAndNoneNamesAClass() {
        for (String path : new String[] {"/threaddump", "/beans", "/routes", "/info", "/loggers", "/env", "/refresh",
                "/caches", "/stop", "/metrics"}) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("campus.helpdesk").doesNotContain("io.micronaut");
        }
        assertThat(http.get("/health").statusCode()).as("health is served").isIn(200, 503);
        assertThat(http.get("/prometheus").statusCode()).as("guarded").isEqualTo(401);
    }

    @Test
    void onlySwaggerUiMayRunItsInlineScript() {
        HttpResponse<String> r = http.get("/swagger-ui/index.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("'unsafe-inline'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void theIndexPageHasNoInlineScriptOrStyle() {
        String html = http.get("/").body();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain("style=").doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void aStateChangingRequestFromAForeignOriginIsRefusedWith403Problem() {
        HttpResponse<String> r = http.post("/api/session", SIGN_IN, "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"detail\"");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aForeignRefererWithoutOriginIsRefusedToo() {
        HttpResponse<String> r = http.send("DELETE", "/api/session", null, "Referer", "https://evil.example/page");
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void anotherSitesScriptReadingTheApiIsRefusedWithAProblemButALinkFromElsewhereOpensThePage() {
        HttpResponse<String> read = http.get("/api/session", "Origin", "https://evil.example");
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(http.get("/", "Referer", "https://search.example/results").statusCode()).isEqualTo(200);
    }

    /** No ticket-service answers in these tests: a token cannot be checked, and the client is told when to retry. */
    @Test
    void aTokenThatCannotBeCheckedNowIsA503ThatSaysWhenToTryAgain() {
        for (String path : new String[]{"/api/tickets", "/api/live", "/prometheus"}) {
            HttpResponse<String> r = http.send("GET", path, null, "Authorization", "Bearer hdt_x");
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).as(path).hasValue("5");
            assertThat(r.body()).as(path).contains("cannot be checked right now");
        }
    }

    @Test
    void aStateChangeCarryingAnApiTokenIsNotJudgedByItsReferer() {
        // A cookie request with this Referer is refused as foreign (above); the token is the credential here, so
        // this one is refused for the token alone (no ticket-service answers in these tests), not for its page.
        HttpResponse<String> r = http.send("POST", "/api/tickets", "{}", "Authorization", "Bearer hdt_x",
                "Referer", "https://bi.example/report");
        assertThat(r.body()).doesNotContain("another site");
        assertThat(r.statusCode()).isIn(401, 503);
    }

    @Test
    void anOriginNoBrowserWritesIsRefusedWithAProblem() {
        GatewayHttp byName = new GatewayHttp(java.net.URI.create("http://localhost:" + server.getPort()));
        assertThat(byName.post("/api/session", SIGN_IN, "Origin", "http://localhost:" + server.getPort())
                .statusCode()).as("the same origin, as a browser writes it").isEqualTo(200);
        HttpResponse<String> upperCase = byName.post("/api/session", SIGN_IN, "Origin",
                "http://LOCALHOST:" + server.getPort());
        HttpResponse<String> twice = byName.post("/api/session", SIGN_IN, "Origin",
                "http://localhost:" + server.getPort(), "Origin", "https://evil.example");
        for (HttpResponse<String> r : java.util.List.of(upperCase, twice)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void ourOwnOriginMayChangeState() {
        String origin = "http://" + server.getHost() + ":" + server.getPort();
        assertThat(http.post("/api/session", SIGN_IN, "Origin", origin).statusCode()).isEqualTo(200);
    }

    @Test
    void apiAnswersAreNotCached() {
        HttpResponse<String> r = http.get("/api/session");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(http.get("/prometheus").headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void chartJsIsServedFromItsWebJar() {
        HttpResponse<String> r = http.get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Chart");
    }
}
