package campus.helpdesk.ticket;

import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.support.identity.ServiceTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A raw HTTP client for the tests: real requests to the running service, with exact control of headers and
 * bodies (including broken ones), and answers as status + headers + JSON. Callers are named by a service token
 * minted with the service's own key, as the gateway (people) and the followers (FEED) do.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final JsonMapper json;
    private final ServiceTokens tokens;

    public Api(URI base, JsonMapper json, ServiceTokens tokens) {
        this.base = base;
        this.json = json;
        this.tokens = tokens;
    }

    /** Who is calling: a token for {@code user} in {@code role}, or no token when {@code role} is null. */
    public record As(String role, String user) {
        public static As student(String name) {
            return new As(ServiceRoles.STUDENT, name);
        }

        public static As staff(String name) {
            return new As(ServiceRoles.STAFF, name);
        }

        public static As analyst(String name) {
            return new As(ServiceRoles.ANALYST, name);
        }

        /** A feed follower, as the analytics services and the gateway call the feed. */
        public static As feed(String name) {
            return new As(ServiceRoles.FEED, name);
        }
    }

    public final class Answer {
        public final int status;
        public final HttpResponse<String> raw;

        Answer(HttpResponse<String> raw) {
            this.status = raw.statusCode();
            this.raw = raw;
        }

        public <T> T as(Class<T> type) {
            return read(raw.body(), Argument.of(type));
        }

        public <T> T as(Argument<T> type) {
            return read(raw.body(), type);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return read(raw.body(), Argument.of(Map.class));
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Answer get(As who, String path) {
        return send(who, "GET", path, null, Map.of());
    }

    public Answer post(As who, String path, Object body) {
        return send(who, "POST", path, body, Map.of());
    }

    public Answer patch(As who, String path, Object body) {
        return send(who, "PATCH", path, body, Map.of());
    }

    public Answer delete(As who, String path) {
        return send(who, "DELETE", path, null, Map.of());
    }

    /** {@code body}: a String is sent as is (for broken JSON), anything else is serialised. */
    public Answer send(As who, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (who != null && who.role() != null) {
            request.header("Authorization", tokens.bearer(who.user(), who.role(), "ticket-service"));
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : write(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return send(request);
    }

    /**
     * Raw bytes with any content type, for bodies no JSON library would write (e.g. invalid UTF-8); no
     * Content-Type at all when {@code contentType} is null.
     */
    public Answer sendBytes(As who, String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (who != null && who.role() != null) {
            request.header("Authorization", tokens.bearer(who.user(), who.role(), "ticket-service"));
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            return new Answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Not " + type + ": " + text, e);
        }
    }
}
