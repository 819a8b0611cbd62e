import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The analytics endpoints the dashboard calls, under concurrent clients (issue 17): for each service a fresh replica
 * of each build given (started and caught up as {@link AnalyticsBench} does), then each endpoint loaded by
 * BENCH_CLIENTS threads (8), each with its own HTTP client and connection, for BENCH_SECONDS (10) after a warm-up
 * of the same length; requests/s, p50, p99 and max. Builds are measured back to back on the same data, so their
 * ratio holds on a noisy machine. Usage (JDK 22+, it uses AnalyticsBench.java beside it):
 * java -cp postgresql.jar AnalyticsLoad.java TICKET_SERVICE_URL REPLICA_PORT_BASE LABEL ROOT [ROOT...]
 */
public class AnalyticsLoad {

    static final Map<String, List<String>> PATHS = Map.of(
            "analytics-open-period", List.of("/api/analytics/open-period?days=30", "/api/analytics/incidents?days=30",
                    "/api/analytics/volume?days=30"),
            "analytics-resolution-time", List.of("/api/analytics/resolution-time", "/api/analytics/sla",
                    "/api/analytics/first-response"),
            "analytics-category", List.of("/api/analytics/active-by-category", "/api/analytics/workload"));

    record Figures(double perSecond, double p50, double p99, double max) {
    }

    public static void main(String[] args) throws Exception {
        String ticketService = args[0];
        int replicaBase = Integer.parseInt(args[1]);
        String label = args[2];
        List<Path> roots = Arrays.stream(args, 3, args.length).map(Path::of).toList();
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "10"));
        String java = ProcessHandle.current().info().command().orElse("java");
        StringBuilder report = new StringBuilder("### " + label + ", " + clients + " clients, " + seconds
                + " s per endpoint\n\n| endpoint | build | req/s | p50 | p99 | max | load average |\n"
                + "|---|---|---|---|---|---|---|\n");
        StringBuilder results = new StringBuilder();
        for (AnalyticsBench.Endpoint service : AnalyticsBench.ENDPOINTS) {
            String module = service.module();
            int port = replicaBase + service.defaultPort() - 8080;
            for (Path root : roots) {
                requireFree(port);
                Process replica = AnalyticsBench.startReplica(java, root, module, port, ticketService);
                try {
                    URI base = URI.create("http://127.0.0.1:" + port);
                    AnalyticsBench.awaitCaughtUp(base);
                    String token = System.getenv("BENCH_TOKEN_" + module.toUpperCase(Locale.ROOT).replace('-', '_'));
                    for (String path : PATHS.get(module)) {
                        URI uri = base.resolve(path);
                        load(uri, token, clients, seconds);
                        Figures figures = load(uri, token, clients, seconds);
                        String row = String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f ms | %.2f ms | %.1f ms | %s |%n",
                                path, root.getFileName(), figures.perSecond(), figures.p50(), figures.p99(),
                                figures.max(), loadAverage());
                        System.err.print(row);
                        report.append(row);
                        // The line bench/all.sh gathers (bench/result.sh's format); target p99 < 5 ms.
                        results.append(String.format(Locale.ROOT, "RESULT|analytics p99, %s, %d clients (%s, %s)|%.2f ms|< 5 ms|%s%n",
                                path, clients, label, root.getFileName(), figures.p99(),
                                figures.p99() < 5 ? "met" : "not met"));
                    }
                } finally {
                    replica.destroy();
                    replica.waitFor();
                }
            }
        }
        System.out.println(report);
        System.out.print(results);
    }

    /** {@code clients} threads sending {@code uri} one request after the other for {@code seconds}. */
    static Figures load(URI uri, String token, int clients, int seconds) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> times = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[500_000];
            times.add(mine);
            int client = c;
            Thread.ofPlatform().start(() -> {
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                            .GET().build();
                    int n = 0;
                    while (System.nanoTime() < until && n < mine.length) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        mine[n++] = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + response.statusCode());
                        }
                    }
                    counts[client] = n;
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.getFirst());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(times.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Figures(total / (double) seconds, all[(int) Math.ceil(0.5 * total) - 1] / 1e6,
                all[(int) Math.ceil(0.99 * total) - 1] / 1e6, all[total - 1] / 1e6);
    }

    /** A replica that cannot listen would leave whatever answers on its port to be measured. */
    static void requireFree(int port) {
        try (java.net.Socket taken = new java.net.Socket("127.0.0.1", port)) {
            throw new IllegalStateException("Port " + port + " is taken: choose BENCH_REPLICA_PORT_BASE");
        } catch (java.io.IOException free) {
            // nobody listens there
        }
    }

    static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
