import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads tickets one by one ({@code GET /api/tickets/{id}}) from N connections for S seconds, cycling over the ids in
 * a file (one a line): the service's own HTTP ceiling, to compare a create with. Prints rate and latency in the same
 * form as CreateLoad. Usage: {@code java bench/GetLoad.java URL CONNECTIONS SECONDS IDS_FILE}.
 */
public class GetLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0] + "/api/tickets/";
        int connections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long[] ids = Files.readAllLines(Path.of(args[3])).stream().map(String::strip).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        if (ids.length == 0) {
            throw new IllegalArgumentException("No ticket ids in " + args[3]);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = "Bearer " + System.getenv("BENCH_TOKEN_STUDENT");
        AtomicLong read = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int thread = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = thread; System.nanoTime() < end; i += connections) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + ids[i % ids.length]))
                            .header("Authorization", token).GET().build();
                    long started = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? read : failed).incrementAndGet();
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
        System.out.printf("read=%d failed=%d rate=%.0f/s p50=%.1fms p99=%.1fms%n", read.get(), failed.get(),
                read.get() / (double) seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
