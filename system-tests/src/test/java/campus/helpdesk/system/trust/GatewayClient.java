package campus.helpdesk.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP with exact control of headers, for calling the gateway and, around it, the internal services. */
public final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Answer(int status, String body, HttpResponse<?> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    private GatewayClient() {
    }

    /**
     * One request; {@code headers} are name/value pairs; a {@link Multipart} body goes as a form, any other as JSON.
     * A {@code text/event-stream} answer is not read to its end (it has none): its status and first bytes are enough.
     * Plain text is accepted too, as a browser or a Prometheus server would: the gateway's metrics are nothing else.
     */
    public static Answer send(URI uri, String method, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/event-stream, text/plain;q=0.5");
        headers.forEach(request::header);
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else if (body instanceof Multipart form) {
                request.header("Content-Type", form.contentType())
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                boolean stream = response.headers().firstValue("Content-Type").orElse("").contains("event-stream");
                byte[] bytes = stream ? in.readNBytes(16) : in.readAllBytes();
                return new Answer(response.statusCode(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                        response);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is kept as bytes: a downloaded file, which a String would mangle. */
    public static HttpResponse<byte[]> download(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in at the gateway and returns the Cookie header value. */
    public static String signIn(URI gateway, String name, String role) {
        Answer r = send(gateway.resolve("/api/session"), "POST", Map.of("name", name, "role", role), Map.of());
        if (r.status() != 200) {
            throw new IllegalStateException("Sign-in as " + role + " failed: " + r.status() + " " + r.body());
        }
        String setCookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
