import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * The analytics endpoints the dashboard calls, under concurrent clients (issue 17): for each service, once the
 * machine is quiet, a fresh replica of each build given (started and caught up as {@link AnalyticsBench} does), its
 * endpoints loaded in turn until its JIT has settled ({@link #settle}), then each endpoint loaded by BENCH_CLIENTS
 * threads (8), each with its own kept-alive connection ({@link KeepAliveGet}), for BENCH_SECONDS (10) after a
 * warm-up of the same length; requests/s, p50, p99 and max. Builds are measured back to back on the same data, so
 * their ratio holds on a noisy machine. Usage (JDK 22+, it uses AnalyticsBench.java beside it):
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
                + " s per endpoint\n\n"
                + "| endpoint | build | s after caught up | req/s | p50 | p99 | max | load average |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        StringBuilder results = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (AnalyticsBench.Endpoint service : AnalyticsBench.ENDPOINTS) {
            String module = service.module();
            int port = replicaBase + service.defaultPort() - 8080;
            for (Path root : roots) {
                requireFree(port);
                String quiet = awaitQuietMachine();
                Process replica = AnalyticsBench.startReplica(java, root, module, port, ticketService);
                try {
                    URI base = URI.create("http://127.0.0.1:" + port);
                    AnalyticsBench.awaitCaughtUp(base);
                    long caughtUp = System.nanoTime();
                    String token = System.getenv("BENCH_TOKEN_" + module.toUpperCase(Locale.ROOT).replace('-', '_'));
                    List<URI> uris = PATHS.get(module).stream().map(base::resolve).toList();
                    String settled = settle(replica, uris, token, clients);
                    System.err.println(module + ": " + settled);
                    notes.append("- ").append(module).append(" (").append(root.getFileName()).append("): ")
                            .append(quiet).append("; ").append(settled).append('\n');
                    for (String path : PATHS.get(module)) {
                        URI uri = base.resolve(path);
                        load(uri, token, clients, seconds);
                        double since = (System.nanoTime() - caughtUp) / 1e9;
                        Figures figures = load(uri, token, clients, seconds);
                        String row = String.format(Locale.ROOT,
                                "| %s | %s | %.0f | %.0f | %.2f ms | %.2f ms | %.1f ms | %s |%n",
                                path, root.getFileName(), since, figures.perSecond(), figures.p50(), figures.p99(),
                                figures.max(), loadAverage());
                        System.err.print(row);
                        report.append(row);
                        // The line bench/all.sh gathers (bench/result.sh's format); target p99 < 5 ms.
                        results.append(String.format(Locale.ROOT,
                                "RESULT|analytics p99, %s, %d clients, JIT settled (%s, %s)|%.2f ms|< 5 ms|%s%n",
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
        System.out.println(notes);
        System.out.print(results);
    }

    /**
     * Loads each endpoint in turn, 5 s at a time, until a round in which the replica's JIT compilers used under 2 %
     * of a core (at most 3 minutes). A replica that has just read a million tickets from the feed has compiled
     * the loading paths, not the answering ones: for about a minute its C2 compiler takes a third of a core, and the
     * first endpoint measured paid for it (p50 7 ms against 1.7 ms a minute later, BENCHMARKS.md). The target is
     * an answer's p99 in service, so each endpoint is measured once the replica is past that minute.
     */
    static String settle(Process replica, List<URI> uris, String token, int clients) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(3).toNanos();
        List<String> shares = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Map<String, Long> before = compilerTicks(replica.pid());
            if (before.isEmpty()) {
                return "no JIT compiler threads found in the replica: measured without settling";
            }
            long roundStarted = System.nanoTime();
            for (URI uri : uris) {
                load(uri, token, clients, 5);
            }
            Map<String, Long> after = compilerTicks(replica.pid());
            long used = 0;
            // Per thread: a compiler thread that ended meanwhile must not make the round look idle.
            for (Map.Entry<String, Long> thread : after.entrySet()) {
                used += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            }
            // Ticks are 1/100 s (USER_HZ) on Linux.
            double share = used / 100.0 / ((System.nanoTime() - roundStarted) / 1e9);
            shares.add(String.format(Locale.ROOT, "%.0f %%", share * 100));
            if (share < 0.02) {
                return String.format(Locale.ROOT, "JIT settled after %.0f s (compilers' share of a core per round: %s)",
                        (System.nanoTime() - started) / 1e9, String.join(", ", shares));
            }
        }
        return "JIT NOT settled after 3 minutes (compilers' share of a core per round: " + String.join(", ", shares)
                + ")";
    }

    /**
     * Waits until the whole machine has been under 10 % busy for 5 s (at most 5 minutes): after a million tickets
     * seeded, or a suite started on them, PostgreSQL's autovacuum and the suite's own JIT and collectors keep a
     * core busy for a while, and a replica measured meanwhile shares the two cores with them.
     */
    static String awaitQuietMachine() throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(5).toNanos();
        long[] before = cpuTicks();
        double busy = 1;
        while (busy >= 0.10 && System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            long[] after = cpuTicks();
            busy = (double) (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
            before = after;
        }
        String note = String.format(Locale.ROOT, "machine %s after %.0f s (%.0f %% busy, load average %s)",
                busy < 0.10 ? "quiet" : "NOT quiet", (System.nanoTime() - started) / 1e9, busy * 100, loadAverage());
        System.err.println(note);
        return note;
    }

    /** The machine's busy and total CPU ticks so far, from /proc/stat's first line. */
    static long[] cpuTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8; i++) { // user to steal; guest time is already in user
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[]{total - idle, total};
    }

    /** CPU ticks (1/100 s) of each JIT compiler thread of process {@code pid}, by thread id. */
    static Map<String, Long> compilerTicks(long pid) throws IOException {
        Map<String, Long> ticks = new java.util.HashMap<>();
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    // "C2 CompilerThre", "C1 CompilerThre"; Graal's threads are "JVMCI CompilerT"
                    if (Files.readString(thread.resolve("comm")).contains("CompilerT")) {
                        // utime and stime: fields 14 and 15, after the name in parentheses
                        String stat = Files.readString(thread.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(thread.getFileName().toString(),
                                Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    }
                } catch (IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        return ticks;
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
                try (KeepAliveGet http = new KeepAliveGet(uri, token)) {
                    int n = 0;
                    while (System.nanoTime() < until && n < mine.length) {
                        long t0 = System.nanoTime();
                        int status = http.send();
                        mine[n++] = System.nanoTime() - t0;
                        if (status != 200) {
                            throw new IllegalStateException(uri + " answered " + status);
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

    /**
     * One kept-alive HTTP/1.1 connection that sends the same GET and reads each answer whole, on the calling thread.
     * The load generator shares the two cores with the service it measures: java.net.http's client hands every
     * request to its selector thread and back (two thread switches, and a selector and an executor per client),
     * which cost the machine about as much CPU as the answer itself and put those threads' scheduling delays
     * into the latencies measured. Enough HTTP for these answers: a status line, headers, then Content-Length
     * bytes or chunks.
     */
    static final class KeepAliveGet implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] request;
        private final byte[] body = new byte[64 * 1024];

        KeepAliveGet(URI uri, String token) throws IOException {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            // A replica that stops answering fails the run instead of hanging it.
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            request = ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** Sends the request, reads the whole answer; its status. */
        int send() throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long chunk = Long.parseLong(line().split(";")[0].trim(), 16); chunk > 0;
                     chunk = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(chunk);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new IOException("An answer without a length on a kept-alive connection");
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                int read = in.read(body, 0, (int) Math.min(body.length, bytes));
                if (read < 0) {
                    throw new EOFException();
                }
                bytes -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException();
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A replica that cannot listen would leave whatever answers on its port to be measured. */
    static void requireFree(int port) {
        try (Socket taken = new Socket("127.0.0.1", port)) {
            throw new IllegalStateException("Port " + port + " is taken: choose BENCH_REPLICA_PORT_BASE");
        } catch (IOException free) {
            // nobody listens there
        }
    }

    static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
