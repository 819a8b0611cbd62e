import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Polls GET /health/readiness on each given port every 100 ms and prints "PORT EPOCH_MILLIS" at its first 200, until
 * every port has answered or the timeout (first argument, seconds) passes. One JVM for all ports, started before the
 * suite, so the polling itself costs the starting services almost nothing.
 */
public class ReadyWatch {
    public static void main(String[] args) throws Exception {
        long deadline = System.currentTimeMillis() + Long.parseLong(args[0]) * 1000;
        Set<Integer> waiting = new LinkedHashSet<>();
        for (int i = 1; i < args.length; i++) {
            waiting.add(Integer.parseInt(args[i]));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        while (!waiting.isEmpty() && System.currentTimeMillis() < deadline) {
            for (Integer port : Set.copyOf(waiting)) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
                        .timeout(Duration.ofSeconds(1)).GET().build();
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        System.out.println(port + " " + System.currentTimeMillis());
                        waiting.remove(port);
                    }
                } catch (Exception notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(100);
        }
    }
}
