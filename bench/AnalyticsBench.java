import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the analytics services against a running helpdesk (see analytics.sh): bootstrap time of a fresh replica
 * of each service, p50/p99 of each endpoint on that replica, the same question as a SQL aggregate on PostgreSQL,
 * and change-to-answer latency. Usage:
 * java -cp postgresql.jar AnalyticsBench.java ROOT TICKET_SERVICE_URL REPLICA_PORT_BASE JDBC_URL LABEL
 */
public class AnalyticsBench {

    record Endpoint(String module, int defaultPort, String path, String sql) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("analytics-open-period", 8082, "/api/analytics/open-period?days=30", """
                    SELECT category, count(*) FROM tickets WHERE deleted_at IS NULL AND status <> 'CLOSED'
                      AND opened_at >= now() - interval '30 days' GROUP BY category"""),
            new Endpoint("analytics-resolution-time", 8083, "/api/analytics/resolution-time", """
                    SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*),
                           avg(extract(epoch FROM closed_at - opened_at)) / 3600,
                           percentile_disc(0.5) WITHIN GROUP (ORDER BY closed_at - opened_at),
                           percentile_disc(0.9) WITHIN GROUP (ORDER BY closed_at - opened_at)
                    FROM tickets WHERE deleted_at IS NULL AND status = 'CLOSED'
                      AND opened_at >= date_trunc('month', now()) - interval '11 months' GROUP BY 1"""),
            new Endpoint("analytics-category", 8084, "/api/analytics/active-by-category", """
                    SELECT category, status, count(*) FROM tickets WHERE deleted_at IS NULL
                      AND status IN ('OPEN', 'ACTIVE') GROUP BY category, status"""));

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String ticketService = args[1];
        int replicaBase = Integer.parseInt(args[2]);
        String jdbc = args[3];
        String label = args[4];
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> replicas = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        report.append("### ").append(label).append("\n\n| endpoint | replica bootstrap | p50 | p99 | SQL p50 | SQL p99 "
                + "| SQL p50 / endpoint p50 |\n|---|---|---|---|---|---|---|\n");
        try (Connection db = DriverManager.getConnection(jdbc, "helpdesk", System.getenv("BENCH_DB_PASSWORD"))) {
            for (Endpoint endpoint : ENDPOINTS) {
                int port = replicaBase + endpoint.defaultPort() - 8080;
                long started = System.nanoTime();
                replicas.add(startReplica(java, root, endpoint.module(), port, ticketService));
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitCaughtUp(base);
                double bootMs = (System.nanoTime() - started) / 1e6;
                double[] http = measure(2_000, 300, () -> get(base.resolve(endpoint.path()), endpoint.module()));
                double[] sql = measure(15, 3, () -> {
                    try (Statement st = db.createStatement()) {
                        st.executeQuery(endpoint.sql()).close();
                    }
                });
                report.append(String.format(Locale.ROOT, "| %s | %.1f s | %.3f ms | %.3f ms | %.1f ms | %.1f ms | %.0f× |%n",
                        endpoint.path(), bootMs / 1000, http[0], http[1], sql[0], sql[1], sql[0] / http[0]));
            }
            URI category = URI.create("http://127.0.0.1:" + (replicaBase + 4) + "/api/analytics/active-by-category");
            double[] change = changeToAnswer(URI.create(ticketService), category, 60);
            report.append(String.format(Locale.ROOT, "%nChange to answer (ticket created through ticket-service → "
                    + "counted by analytics-category): p50 %.0f ms, p99 %.0f ms (60 tickets)%n", change[0], change[1]));
        } finally {
            replicas.forEach(Process::destroy);
        }
        System.out.println(report);
    }

    static Process startReplica(String java, Path root, String module, int port, String ticketService)
            throws IOException {
        Path jar;
        try (var files = Files.list(root.resolve(module).resolve("target"))) {
            jar = files.filter(f -> f.getFileName().toString().endsWith("-all.jar")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx512m"));
        // More flags for the replicas (a flight recording, a smaller heap): BENCH_REPLICA_JVM_FLAGS.
        String more = System.getenv().getOrDefault("BENCH_REPLICA_JVM_FLAGS", "").strip();
        if (!more.isEmpty()) {
            command.addAll(List.of(more.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(root.resolve(module).resolve("target")
                        .resolve("bench-replica-" + port + ".log").toFile());
        builder.environment().put("HELPDESK_PORT", Integer.toString(port));
        builder.environment().put("TICKET_SERVICE_URL", ticketService);
        builder.environment().put("HELPDESK_SERVICE_KEY", System.getenv("BENCH_SERVICE_KEY"));
        return builder.start();
    }

    static void awaitCaughtUp(URI base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String health = get(base.resolve("/health"), null);
                if (health.contains("\"caughtUp\":true")) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(base + " did not catch up within 5 minutes");
    }

    interface Action {
        void run() throws Exception;
    }

    /** p50 and p99 in ms of {@code times} sequential runs after {@code warmup} unmeasured ones. */
    static double[] measure(int times, int warmup, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return percentiles(ms);
    }

    static double[] percentiles(double[] ms) {
        Arrays.sort(ms);
        return new double[]{ms[(int) Math.ceil(0.5 * ms.length) - 1], ms[(int) Math.ceil(0.99 * ms.length) - 1]};
    }

    static final Pattern OPEN_TOTAL = Pattern.compile("\"openTotal\":(\\d+)");

    static double[] changeToAnswer(URI ticketService, URI category, int tickets) throws Exception {
        double[] ms = new double[tickets];
        for (int i = 0; i < tickets; i++) {
            long before = openTotal(category);
            long t0 = System.nanoTime();
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(ticketService.resolve("/api/tickets"))
                    .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN_TICKET_SERVICE"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Printer jam in library\","
                            + "\"description\":\"The printer on floor 2 of the library jams on every page.\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
            }
            while (openTotal(category) <= before) {
                Thread.onSpinWait();
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return percentiles(ms);
    }

    static long openTotal(URI category) throws Exception {
        Matcher m = OPEN_TOTAL.matcher(get(category, "analytics-category"));
        if (!m.find()) {
            throw new IllegalStateException("no openTotal");
        }
        return Long.parseLong(m.group(1));
    }

    /** A GET with the analyst token minted for {@code audience} by analytics.sh; none when null. */
    static String get(URI uri, String audience) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (audience != null) {
            request.header("Authorization", "Bearer " + System.getenv(
                    "BENCH_TOKEN_" + audience.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
