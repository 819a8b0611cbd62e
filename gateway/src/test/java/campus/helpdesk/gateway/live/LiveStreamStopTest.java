package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping gateway ends every open live stream at once. A stream never finishes by itself, so the server's
 * graceful stop, which lets the requests in flight finish, waited out its whole grace period for each open browser
 * and then cut it. Here the grace period is a minute, so that waiting for it cannot pass for ending the stream.
 */
class LiveStreamStopTest {

    @Test
    void aStopEndsAnOpenStreamInsteadOfWaitingOutTheGracePeriod() throws Exception {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.lifecycle.graceful-shutdown.grace-period", "60s"), Environment.TEST);
        CompletableFuture<Void> stopped = null;
        try {
            GatewayHttp http = new GatewayHttp(server.getURI());
            HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/api/live"))
                    .header("Cookie", http.signIn("Stu", "STUDENT")).header("Accept", "text/event-stream").build();
            HttpResponse<java.io.InputStream> stream = http.client().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.equals("event: ready"));
            assertThat(line).as("the stream is open").isEqualTo("event: ready");

            stopped = CompletableFuture.runAsync(server.getApplicationContext()::close);

            stopped.get(30, TimeUnit.SECONDS); // without the hub ending the streams: the 60 s grace period
            // Reading to the end returns only once the server has ended the stream.
            CompletableFuture<Long> rest = CompletableFuture.supplyAsync(() -> reader.lines().count());
            assertThat(rest).as("the stream has ended").succeedsWithin(java.time.Duration.ofSeconds(10));
        } finally {
            // Never a second stop beside the first: the two lock the context and the server in opposite orders.
            if (stopped == null) {
                server.getApplicationContext().close();
            } else {
                stopped.get(120, TimeUnit.SECONDS);
            }
        }
    }
}
