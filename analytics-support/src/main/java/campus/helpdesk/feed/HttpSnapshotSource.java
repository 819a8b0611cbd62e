package campus.helpdesk.feed;

import campus.helpdesk.api.ChangeFeedOperations;
import campus.helpdesk.api.FactsSnapshot;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.client.CredentialsFilter;
import campus.helpdesk.client.TicketService;
import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Downloads {@code /api/changes/snapshot} and parses it line by line while it streams in: a million tickets
 * never sit in memory as text. The JDK client is used here (not the declarative one) because it hands out the
 * body as a plain blocking stream; the credentials are the declarative clients' own ({@link CredentialsFilter}).
 */
@Singleton
public class HttpSnapshotSource implements SnapshotSource {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final CredentialsFilter credentials;

    public HttpSnapshotSource(@Value("${micronaut.http.services." + TicketService.ID + ".url}") String baseUrl,
                              CredentialsFilter credentials) {
        this.uri = URI.create(baseUrl.replaceAll("/+$", "") + ChangeFeedOperations.SNAPSHOT_PATH);
        this.credentials = credentials;
    }

    @Override
    public String load(Consumer<TicketFacts> sink) throws IOException, InterruptedException {
        try (BufferedReader reader = open()) {
            String cursor = cursorOf(reader.readLine());
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    sink.accept(FactsSnapshot.parseLine(line));
                }
            }
            return cursor;
        }
    }

    @Override
    public String headCursor() throws IOException, InterruptedException {
        // Closing the stream after the first line aborts the rest of the download.
        try (BufferedReader reader = open()) {
            return cursorOf(reader.readLine());
        }
    }

    private BufferedReader open() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", FactsSnapshot.CONTENT_TYPE)
                .timeout(Duration.ofMinutes(2));
        credentials.presentItself(ServiceRoles.FEED, request::header);
        HttpResponse<InputStream> response = http.send(request.GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("Snapshot " + uri + " answered HTTP " + response.statusCode());
        }
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16);
    }

    private String cursorOf(String firstLine) throws IOException {
        if (firstLine == null || !firstLine.startsWith(FactsSnapshot.CURSOR_PREFIX)) {
            throw new IOException("Snapshot " + uri + " does not start with " + FactsSnapshot.CURSOR_PREFIX);
        }
        return firstLine.substring(FactsSnapshot.CURSOR_PREFIX.length()).trim();
    }
}
