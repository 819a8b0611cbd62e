package campus.helpdesk.system.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analytics answers over HTTP through the gateway, as signed-in staff: the internal services answer only the
 * service tokens the gateway mints, so the tests go the way people do. The analytics endpoints are not part of
 * ticket-api's contract, so there is no declarative client for them (tickets go through {@link TicketTraffic}'s).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

    private Http() {
    }

    /** A GET as staff (who may read every answer the tests compare). */
    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET()
                .header("Cookie", session(uri.resolve("/"), "STAFF", "analytics-checker"))
                .header("Accept", "application/json"));
    }

    private static String session(URI gateway, String role, String user) {
        return SESSIONS.computeIfAbsent(gateway + " " + role + " " + user, k -> {
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(gateway.resolve("/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                Map.of("name", user, "role", role)))).build(), HttpResponse.BodyHandlers.ofString());
                String cookie = r.headers().firstValue("Set-Cookie").orElseThrow(
                        () -> new IllegalStateException("Sign-in as " + role + " failed: " + r.body()));
                return cookie.substring(0, cookie.indexOf(';'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
