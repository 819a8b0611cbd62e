import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Creates tickets through ticket-service's HTTP API from N connections for S seconds; prints rate and latency. */
public class CreateLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0] + "/api/tickets";
        int connections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int thread = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String body = "{\"title\":\"Wifi down " + thread + "-" + i + "\",\"description\":"
                            + "\"Eduroam is not working in the library, room " + i + "\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN_STUDENT"))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long started = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 201 ? created : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - started);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("created=%d failed=%d rate=%.0f/s p50=%.1fms p99=%.1fms%n", created.get(), failed.get(),
                created.get() / (double) seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
