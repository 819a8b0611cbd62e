package campus.helpdesk.system.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A browser's {@code /api/live} stream, its lines read in the background until it is closed. */
final class LiveStream implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    /** When each line arrived ({@link System#nanoTime()}), beside {@link #lines}. */
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final HttpClient client;
    private final InputStream body;

    private LiveStream(HttpClient client, InputStream body) {
        this.client = client;
        this.body = body;
        Thread.ofVirtual().name("live-stream").start(this::read);
    }

    static LiveStream open(URI gateway, String cookie) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(
                gateway.resolve("/api/live")).header("Cookie", cookie).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("/api/live answered " + stream.statusCode());
        }
        return new LiveStream(client, stream.body());
    }

    /** Whether the last {@code feed} event said the gateway hears the desk's changes in time (null: none yet). */
    Boolean following() {
        int last = lastFeedEvent();
        return last < 0 ? null : lines.get(last).contains("true");
    }

    /** When the last {@code feed} event arrived ({@link System#nanoTime()}). */
    long lastFeedEventAt() {
        return arrivals.get(lastFeedEvent());
    }

    private int lastFeedEvent() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("data: {\"following\":")) {
                return i;
            }
        }
        return -1;
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                arrivals.add(System.nanoTime());
                lines.add(line);
            }
        } catch (IOException closed) {
            // the stream ended: the test closed it or the desk stopped
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        client.close();
    }
}
