import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What feed followers cost ticket-service: for each number of extra followers (0, then each of the counts given),
 * creates tickets at a fixed rate while that many in-process followers long-poll the change feed from the present,
 * and reads ticket-service's CPU time (utime + stime of its JVM, from /proc) before and after. Prints the CPU per
 * event created for each count, and the ratio of the largest count to the smallest non-zero one.
 *
 * <p>Arguments: ticket-service URL, its JVM's pid, clock ticks per second (getconf CLK_TCK), tickets per second,
 * seconds per step, then the follower counts (e.g. 1 4 16). Tokens from the environment: BENCH_TOKEN_STUDENT
 * (creates) and BENCH_TOKEN_FEED (followers). A first step with one follower warms the service up and is not
 * reported.
 */
public class FollowersLoad {

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([0-9]+)\"");
    private static final Pattern EVENT = Pattern.compile("\"cursor\"\\s*:");
    /** As the production followers ask (analytics-support's FeedConfiguration): up to 1000 events, waiting 1 s. */
    private static final int LIMIT = 1000;
    private static final int WAIT_MS = 1000;

    private final String url;
    private final long pid;
    private final double ticksPerSecond;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FollowersLoad(String url, long pid, double ticksPerSecond) {
        this.url = url;
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
    }

    public static void main(String[] args) throws Exception {
        FollowersLoad bench = new FollowersLoad(args[0], Long.parseLong(args[1]), Double.parseDouble(args[2]));
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        List<Integer> counts = new ArrayList<>(List.of(0));
        for (int i = 5; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        bench.step(1, rate, Math.max(5, seconds / 2)); // warm-up: JIT, pools, caches
        System.out.printf("%-10s %8s %8s %10s %14s %16s%n",
                "followers", "events", "failed", "cpu ms", "cpu ms/event", "min delivered");
        List<double[]> results = new ArrayList<>();
        for (int n : counts) {
            Step step = bench.step(n, rate, seconds);
            results.add(new double[] {n, step.cpuMs() / Math.max(1, step.created())});
            System.out.printf("%-10s %8d %8d %10.0f %14.3f %16s%n", n == 0 ? "0 (prod)" : "+" + n,
                    step.created(), step.failed(), step.cpuMs(), step.cpuMs() / Math.max(1, step.created()),
                    n == 0 ? "-" : Long.toString(step.minDelivered()));
        }
        double smallest = results.stream().filter(r -> r[0] > 0).findFirst().orElseThrow()[1];
        double[] largest = results.getLast();
        int fewest = (int) results.stream().filter(r -> r[0] > 0).findFirst().orElseThrow()[0];
        double ratio = largest[1] / smallest;
        System.out.printf("ratio cpu/event(+%d) / cpu/event(+%d) = %.2f%n", (int) largest[0], fewest, ratio);
        // The line bench/all.sh gathers (bench/result.sh's format).
        System.out.printf(Locale.ROOT, "RESULT|ticket-service CPU per event, %d extra followers / %d|%.3f / %.3f ms = %.2f|<= 1.5|%s%n",
                (int) largest[0], fewest, largest[1], smallest, ratio, ratio <= 1.5 ? "met" : "not met");
    }

    record Step(long created, long failed, double cpuMs, long minDelivered) {
    }

    /** One measurement: n followers start at the present, then tickets are created at the rate for the seconds. */
    Step step(int n, int rate, int seconds) throws Exception {
        String present = present();
        AtomicBoolean following = new AtomicBoolean(true);
        List<AtomicLong> delivered = new ArrayList<>();
        List<Thread> followers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AtomicLong count = new AtomicLong();
            delivered.add(count);
            followers.add(Thread.ofPlatform().daemon().start(() -> follow(present, following, count)));
        }
        Thread.sleep(500); // every follower is waiting at the present before the clock starts
        double cpuBefore = cpuMs();
        long[] outcome = createAtRate(rate, seconds);
        Thread.sleep(500); // the last events reach the followers
        double cpuMs = cpuMs() - cpuBefore;
        following.set(false);
        for (Thread follower : followers) {
            follower.join(WAIT_MS + 5_000L);
        }
        long min = delivered.stream().mapToLong(AtomicLong::get).min().orElse(0);
        return new Step(outcome[0], outcome[1], cpuMs, min);
    }

    private long[] createAtRate(int rate, int seconds) throws InterruptedException {
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long total = (long) rate * seconds;
        try (ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
             var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            clock.scheduleAtFixedRate(() -> {
                long i = sequence.incrementAndGet();
                if (i <= total) {
                    senders.submit(() -> (create(i) ? created : failed).incrementAndGet());
                }
            }, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
            Thread.sleep(seconds * 1000L);
            clock.shutdown();
            clock.awaitTermination(5, TimeUnit.SECONDS);
        }
        return new long[] {created.get(), failed.get()};
    }

    private boolean create(long i) {
        String body = "{\"title\":\"Wifi down " + i + "\",\"description\":"
                + "\"Eduroam is not working in the library, room " + i + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/tickets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN_STUDENT"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (Exception e) {
            return false;
        }
    }

    /** A follower: long-polls from the cursor on, counting the events it receives, until told to stop. */
    private void follow(String cursor, AtomicBoolean following, AtomicLong delivered) {
        while (following.get()) {
            try {
                String page = changes(cursor, WAIT_MS);
                cursor = next(page);
                Matcher events = EVENT.matcher(page);
                while (events.find()) {
                    delivered.incrementAndGet();
                }
            } catch (Exception e) {
                if (following.get()) {
                    System.err.println("follower: " + e);
                }
                return;
            }
        }
    }

    /** The cursor after the last event now in the feed. */
    private String present() throws Exception {
        String cursor = "0";
        while (true) {
            String page = changes(cursor, 0);
            String next = next(page);
            if (next.equals(cursor)) {
                return cursor;
            }
            cursor = next;
        }
    }

    private String changes(String after, int waitMs) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(url + "/api/changes?after=" + after + "&limit=" + LIMIT + "&waitMs=" + waitMs))
                .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN_FEED")).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/changes answered " + response.statusCode());
        }
        return response.body();
    }

    private static String next(String page) {
        Matcher next = NEXT.matcher(page);
        if (!next.find()) {
            throw new IllegalStateException("no next cursor in " + page);
        }
        return next.group(1);
    }

    /** utime + stime of the process, fields 14 and 15 of /proc/pid/stat (after the command name's parenthesis). */
    private double cpuMs() throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000.0 / ticksPerSecond;
    }
}
