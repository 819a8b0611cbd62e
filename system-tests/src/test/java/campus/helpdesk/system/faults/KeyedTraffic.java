package campus.helpdesk.system.faults;

import campus.helpdesk.system.trust.GatewayClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that do what a careful real client does through outages: every create carries an Idempotency-Key and is
 * retried with the same key until it is answered; edits name the version they were made on. Each client is a
 * student (its own name, so its keys are its own), with a staff colleague taking its tickets.
 */
final class KeyedTraffic {

    /** A create the desk acknowledged: the key it was sent with and the ticket it answered with. */
    record Acknowledged(String reporter, String key, long ticketId) {
    }

    private final URI gateway;
    private final String prefix;
    private final List<Acknowledged> acknowledged = new ArrayList<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger unreachable = new AtomicInteger();

    KeyedTraffic(URI gateway, String prefix) {
        this.gateway = gateway;
        this.prefix = prefix;
    }

    /** Runs {@code clients} clients for {@code millis}; returns when every one has finished its last create. */
    void run(int clients, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        List<Future<List<Acknowledged>>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                String reporter = prefix + "-client-" + c;
                work.add(pool.submit(() -> client(reporter, end)));
            }
            for (Future<List<Acknowledged>> future : work) {
                synchronized (acknowledged) {
                    acknowledged.addAll(future.get());
                }
            }
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    Map<Integer, AtomicInteger> statuses() {
        return statuses;
    }

    int unreachable() {
        return unreachable.get();
    }

    private List<Acknowledged> client(String reporter, long end) throws InterruptedException {
        List<Acknowledged> mine = new ArrayList<>();
        String student = retrying(() -> GatewayClient.signIn(gateway, reporter, "STUDENT"));
        String staff = retrying(() -> GatewayClient.signIn(gateway, reporter + "-staff", "STAFF"));
        for (int i = 0; System.currentTimeMillis() < end; i++) {
            String key = reporter + "-" + i;
            GatewayClient.Answer created = untilAnswered(() -> call("POST", "/api/tickets",
                    Map.of("title", prefix + " ticket " + key, "description", "Filed by the fault suite as " + key),
                    Map.of("Cookie", student, "Idempotency-Key", key)));
            if (created.status() / 100 != 2) {
                throw new AssertionError("create " + key + " answered " + created.status() + " " + created.body());
            }
            long id = created.json().get("id").asLong();
            mine.add(new Acknowledged(reporter, key, id));
            long version = created.json().get("version").asLong();
            // One try each: a retry after a lost answer could apply twice; the fault suite counts what happened.
            call("PATCH", "/api/tickets/" + id, Map.of("priority", "HIGH"),
                    Map.of("Cookie", student, "If-Match", Long.toString(version)));
            call("POST", "/api/tickets/" + id + "/status", Map.of("status", "ACTIVE"), Map.of("Cookie", staff));
            call("POST", "/api/tickets/" + id + "/messages", Map.of("body", "On it"), Map.of("Cookie", staff));
        }
        return mine;
    }

    private GatewayClient.Answer call(String method, String path, Object body, Map<String, String> headers) {
        try {
            GatewayClient.Answer answer = GatewayClient.send(gateway.resolve(path), method, body, headers);
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            return answer;
        } catch (RuntimeException e) {
            unreachable.incrementAndGet();
            return null;
        }
    }

    /** Repeats a request until the desk answers it with anything but a 5xx or no answer at all. */
    private static GatewayClient.Answer untilAnswered(java.util.function.Supplier<GatewayClient.Answer> request)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            GatewayClient.Answer answer = request.get();
            if (answer != null && answer.status() < 500) {
                return answer;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no answer within 120 s: " + (answer == null ? "unreachable"
                        : answer.status() + " " + answer.body()));
            }
            Thread.sleep(200);
        }
    }

    private static <T> T retrying(java.util.function.Supplier<T> action) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (attempt > 300) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
