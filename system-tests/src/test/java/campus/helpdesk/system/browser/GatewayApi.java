package campus.helpdesk.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's HTTP API as one signed-in person, for the steps of a scenario that happen "somewhere else"
 * (another person closing a ticket while the dashboard is watched). Goes through the gateway like the browser.
 */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String cookie;

    private GatewayApi(URI base, String cookie) {
        this.base = base;
        this.cookie = cookie;
    }

    static GatewayApi signIn(URI base, String name, String role) {
        GatewayApi anonymous = new GatewayApi(base, "");
        HttpResponse<String> r = anonymous.raw("POST", "/api/session", Map.of("name", name, "role", role));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Sign-in failed: " + r.statusCode() + " " + r.body());
        }
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new GatewayApi(base, setCookie.substring(0, setCookie.indexOf(';')));
    }

    JsonNode get(String path) {
        return ok(raw("GET", path, null));
    }

    JsonNode post(String path, Object body) {
        return ok(raw("POST", path, body));
    }

    long createTicket(String title, String description) {
        return post("/api/tickets", Map.of("title", title, "description", description)).get("id").asLong();
    }

    void move(long id, String status) {
        long version = get("/api/tickets/" + id).get("version").asLong();
        post("/api/tickets/" + id + "/status", Map.of("status", status, "version", version));
    }

    /** The raw "Cookie" header value of this session, for a second connection such as /api/live. */
    String cookie() {
        return cookie;
    }

    private JsonNode ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " -> " + r.statusCode()
                    + " " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> raw(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (!cookie.isEmpty()) {
                b.header("Cookie", cookie);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
