import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A mixed load for bench/footprint.sh: N connections for S seconds, each cycling through one create (straight to
 * ticket-service with a student service token, BENCH_TOKEN_STUDENT) and reads through the gateway with a staff API
 * token (BENCH_API_TOKEN): the ticket list, a search and the three analytics answers. Prints requests per kind.
 */
public class FootprintLoad {
    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String ticketService = args[1];
        int connections = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<String> reads = List.of("/api/tickets?page=0&size=20", "/api/tickets?q=printer&size=20",
                "/api/analytics/open-period?days=30", "/api/analytics/resolution-time",
                "/api/analytics/active-by-category");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int kinds = reads.size() + 1;
        AtomicLongArray ok = new AtomicLongArray(kinds);
        AtomicLongArray failed = new AtomicLongArray(kinds);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int thread = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    int kind = i % kinds;
                    HttpRequest request = kind == reads.size()
                            ? HttpRequest.newBuilder(URI.create(ticketService + "/api/tickets"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN_STUDENT"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Printer jam " + thread + "-"
                                            + i + "\",\"description\":\"The printer on floor 2 jams on every page\"}"))
                                    .build()
                            : HttpRequest.newBuilder(URI.create(gateway + reads.get(kind)))
                                    .header("Authorization", "Bearer " + System.getenv("BENCH_API_TOKEN")).GET().build();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status / 100 == 2 ? ok : failed).incrementAndGet(kind);
                    } catch (Exception e) {
                        failed.incrementAndGet(kind);
                    }
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int kind = 0; kind < kinds; kind++) {
            String name = kind == reads.size() ? "POST /api/tickets (ticket-service)" : "GET " + reads.get(kind);
            System.out.printf("  %-45s ok=%d failed=%d%n", name, ok.get(kind), failed.get(kind));
        }
    }
}
