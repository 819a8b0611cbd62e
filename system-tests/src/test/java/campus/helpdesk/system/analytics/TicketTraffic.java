package campus.helpdesk.system.analytics;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random work through ticket-service's HTTP API from several threads at once: students file tickets, staff take,
 * reply, close, correct categories and delete spam. Threads pick tickets from a shared list, so they race on the
 * same tickets; a refused move (409, 412, 404, 400...) is part of the game, a 5xx is not.
 */
final class TicketTraffic {

    private static final String[] CATEGORIES = {"FACILITY", "IT", "SERVICES"};
    private static final String[] PRIORITIES = {"LOW", "MEDIUM", "HIGH"};
    private static final String[] TEXTS = {
            "Projector in room B12 shows no picture|The projector in lecture hall B12 stays black with every laptop.",
            "Wi-Fi drops in the library|Eduroam disconnects every few minutes on the second floor of the library.",
            "Heating broken in dorm 4|The radiator in room 4.17 of the dormitory is cold since Monday.",
            "Cafeteria card not accepted|My campus card is refused at the cafeteria till although it has credit.",
            "Cannot log in to the exam portal|The exam portal says my password is wrong after the reset.",
            "Leaking tap in the lab|The tap in chemistry lab C3 keeps dripping and the sink overflows."};

    private final URI gateway;
    private final List<Long> tickets = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    TicketTraffic(URI gateway) {
        this.gateway = gateway;
    }

    Map<String, AtomicInteger> outcomes() {
        return outcomes;
    }

    /** Runs {@code operations} random operations on each of {@code threads} threads; fails on any 5xx. */
    void run(int threads, int operations, long seed) throws Exception {
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                String student = "student-" + t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < operations; i++) {
                        step(random, student);
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
    }

    /** Files one ticket and returns its id. */
    long create(Random random, String student) {
        String[] text = TEXTS[random.nextInt(TEXTS.length)].split("\\|");
        Http.Response created = Http.send(gateway.resolve("/api/tickets"), "POST", "STUDENT", student,
                Map.of("title", text[0], "description", text[1], "priority", PRIORITIES[random.nextInt(3)]));
        record("create", created);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        tickets.add(id);
        return id;
    }

    private void step(Random random, String student) {
        int dice = random.nextInt(100);
        if (tickets.size() < 5 || dice < 35) {
            create(random, student);
            return;
        }
        long id = tickets.get(random.nextInt(tickets.size()));
        String staff = "staff-" + random.nextInt(3);
        URI ticket = gateway.resolve("/api/tickets/" + id);
        if (dice < 55) {
            record("take", Http.send(ticket.resolve(id + "/status"), "POST", "STAFF", staff, Map.of("status", "ACTIVE")));
        } else if (dice < 65) {
            record("reply", Http.send(ticket.resolve(id + "/messages"), "POST", "STAFF", staff,
                    Map.of("body", "We are looking into it.")));
        } else if (dice < 82) {
            record("close", Http.send(ticket.resolve(id + "/status"), "POST", "STAFF", staff, Map.of("status", "CLOSED")));
        } else if (dice < 94) {
            correctCategory(ticket, staff, CATEGORIES[random.nextInt(3)]);
        } else {
            record("delete", Http.send(ticket, "DELETE", "STAFF", staff, null));
        }
    }

    /** A correction names the version it was made on; another thread may have moved the ticket since (409). */
    private void correctCategory(URI ticket, String staff, String category) {
        Http.Response current = Http.send(ticket, "GET", "STAFF", staff, null);
        if (current.status() != 200) {
            record("correct", current);
            return;
        }
        long version = current.json().get("version").asLong();
        record("correct", Http.send(ticket, "PATCH", "STAFF", staff, Map.of("category", category, "version", version)));
    }

    private void record(String operation, Http.Response response) {
        outcomes.computeIfAbsent(operation + " " + response.status(), k -> new AtomicInteger()).incrementAndGet();
        assertThat(response.status()).as("%s answered %s", operation, response.body()).isLessThan(500);
    }
}
