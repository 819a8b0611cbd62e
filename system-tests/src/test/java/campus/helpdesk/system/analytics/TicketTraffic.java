package campus.helpdesk.system.analytics;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Handover;
import campus.helpdesk.api.IncidentLinks;
import campus.helpdesk.api.NewMessage;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.StatusChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.client.IncidentClient;
import campus.helpdesk.client.MessageClient;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.client.TicketClient;
import campus.helpdesk.system.GatewayClients;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

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
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random work through ticket-service's HTTP API from several threads at once: students file tickets, staff take,
 * reply, hand over, close, correct categories and priorities, link tickets to incidents and delete spam, through
 * the gateway with the contract's declarative clients.
 * Threads pick tickets from a shared list, so they race on the same tickets; a refused move (409, 412, 404,
 * 400...) is part of the game, a 5xx is not.
 */
final class TicketTraffic {

    private static final Category[] CATEGORIES = Category.values();
    private static final Priority[] PRIORITIES = Priority.values();
    private static final String[] TEXTS = {
            "Projector in room B12 shows no picture|The projector in lecture hall B12 stays black with every laptop.",
            "Wi-Fi drops in the library|Eduroam disconnects every few minutes on the second floor of the library.",
            "Heating broken in dorm 4|The radiator in room 4.17 of the dormitory is cold since Monday.",
            "Cafeteria card not accepted|My campus card is refused at the cafeteria till although it has credit.",
            "Cannot log in to the exam portal|The exam portal says my password is wrong after the reset.",
            "Leaking tap in the lab|The tap in chemistry lab C3 keeps dripping and the sink overflows."};

    private final TicketClient tickets;
    private final MessageClient messages;
    private final IncidentClient incidents;
    private final List<Long> ids = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    TicketTraffic(URI gateway) {
        this.tickets = GatewayClients.at(gateway, TicketClient.class);
        this.messages = GatewayClients.at(gateway, MessageClient.class);
        this.incidents = GatewayClients.at(gateway, IncidentClient.class);
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
        NewTicket report = new NewTicket(text[0], text[1], null, PRIORITIES[random.nextInt(3)], null);
        HttpResponse<Ticket> created = attempt("create", OnBehalfOf.person(student, "STUDENT"),
                () -> tickets.create(report, null));
        assertThat(created).as("create").isNotNull();
        assertThat(created.code()).as("create: %s", created.body()).isEqualTo(201);
        long id = created.body().id();
        ids.add(id);
        return id;
    }

    /**
     * Every kind of move once, in an order where each is allowed, on two fresh tickets: random traffic may by chance
     * never find an ACTIVE ticket to hand over, and the comparisons must not rest on luck.
     */
    void everyMoveOnce(Random random, String student) {
        long id = create(random, student);
        OnBehalfOf staff = OnBehalfOf.person("staff-0", "STAFF");
        attempt("take", staff, () -> tickets.changeStatus(id, new StatusChange(TicketStatus.ACTIVE, null), null));
        attempt("reply", staff, () -> messages.post(id, new NewMessage("We are looking into it.", null)));
        attempt("hand over", staff, () -> tickets.handOver(id, new Handover("staff-1"), null));
        OnBehalfOf colleague = OnBehalfOf.person("staff-1", "STAFF");
        Ticket now = colleague.call(() -> tickets.get(id));
        correct(id, colleague, null, now.priority() == Priority.HIGH ? Priority.LOW : Priority.HIGH);
        correct(id, colleague, now.category() == Category.IT ? Category.FACILITY : Category.IT, null);
        attempt("close", colleague,
                () -> tickets.changeStatus(id, new StatusChange(TicketStatus.CLOSED, null), null));
        long spam = create(random, student);
        attempt("delete", colleague, () -> tickets.delete(spam));
    }

    /**
     * Every move of an incident once, each on fresh tickets: linked, answered once and closed with its linked
     * tickets; a link undone; an incident deleted (its open linked ticket is unlinked and counts on its own) and a
     * linked ticket deleted. Random linking rarely finds an incident to answer and close, and the comparisons must not rest on luck.
     */
    void everyIncidentMoveOnce(Random random, String student) {
        OnBehalfOf staff = OnBehalfOf.person("staff-2", "STAFF");
        Wave closed = wave(random, student, staff, 3);
        attempt("reply", staff, () -> messages.post(closed.incident(), new NewMessage("The outage is over.", null)));
        attempt("close", staff, () -> tickets.changeStatus(closed.incident(),
                new StatusChange(TicketStatus.CLOSED, null), null));
        Wave undone = wave(random, student, staff, 2);
        attempt("unlink", staff, () -> incidents.unlink(undone.incident(), undone.linked().get(0)));
        Wave deletedIncident = wave(random, student, staff, 1);
        attempt("delete", staff, () -> tickets.delete(deletedIncident.incident()));
        Wave deletedReport = wave(random, student, staff, 1);
        attempt("delete", staff, () -> tickets.delete(deletedReport.linked().get(0)));
    }

    private record Wave(long incident, List<Long> linked) {
    }

    /** A taken incident with {@code reports} fresh tickets linked to it. */
    private Wave wave(Random random, String student, OnBehalfOf staff, int reports) {
        long incident = create(random, student);
        attempt("take", staff, () -> tickets.changeStatus(incident, new StatusChange(TicketStatus.ACTIVE, null), null));
        List<Long> linked = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            linked.add(create(random, student));
        }
        attempt("link", staff, () -> incidents.link(incident, new IncidentLinks(linked)));
        return new Wave(incident, linked);
    }

    private void step(Random random, String student) {
        int dice = random.nextInt(100);
        if (ids.size() < 5 || dice < 35) {
            create(random, student);
            return;
        }
        long id = ids.get(random.nextInt(ids.size()));
        OnBehalfOf staff = OnBehalfOf.person("staff-" + random.nextInt(3), "STAFF");
        if (dice < 55) {
            attempt("take", staff, () -> tickets.changeStatus(id, new StatusChange(TicketStatus.ACTIVE, null), null));
        } else if (dice < 62) {
            attempt("reply", staff, () -> messages.post(id, new NewMessage("We are looking into it.", null)));
        } else if (dice < 68) {
            String colleague = "staff-" + random.nextInt(4);
            attempt("hand over", staff, () -> tickets.handOver(id, new Handover(colleague), null));
        } else if (dice < 82) {
            attempt("close", staff, () -> tickets.changeStatus(id, new StatusChange(TicketStatus.CLOSED, null), null));
        } else if (dice < 90) {
            correct(id, staff, CATEGORIES[random.nextInt(3)], null);
        } else if (dice < 94) {
            correct(id, staff, null, PRIORITIES[random.nextInt(3)]);
        } else if (dice < 97) {
            attempt("delete", staff, () -> tickets.delete(id));
        } else {
            // Tickets picked at random: often refused (closed, linked elsewhere, an incident itself), sometimes not.
            long other = ids.get(random.nextInt(ids.size()));
            attempt("link", staff, () -> incidents.link(id, new IncidentLinks(List.of(other))));
        }
    }

    /**
     * A correction of the category or the priority (which moves the response targets) names the version it was made
     * on; another thread may have moved the ticket since (409).
     */
    private void correct(long id, OnBehalfOf staff, Category category, Priority priority) {
        Ticket current;
        try {
            current = staff.call(() -> tickets.get(id));
        } catch (HttpClientResponseException e) {
            count("correct", e);
            return;
        }
        if (current == null) {
            count("correct", 404, "not found");
            return;
        }
        attempt(category != null ? "correct" : "reprioritise", staff, () -> tickets.patch(id,
                new TicketPatch(null, null, null, priority, category, current.version()), null));
    }

    /**
     * One call as {@code who}, its status counted: a refusal (409, 412, 404, 400...) is part of the game, a 5xx is
     * not. A declarative client answers 404 with null where it returns a body, and any other refusal by throwing.
     */
    private <T> T attempt(String operation, OnBehalfOf who, Supplier<T> call) {
        T result;
        try {
            result = who.call(call);
        } catch (HttpClientResponseException e) {
            count(operation, e);
            return null;
        }
        count(operation, result instanceof HttpResponse<?> response ? response.code() : result == null ? 404 : 200,
                String.valueOf(result));
        return result;
    }

    private void count(String operation, HttpClientResponseException refusal) {
        count(operation, refusal.getStatus().getCode(),
                refusal.getResponse().getBody(String.class).orElse(refusal.getMessage()));
    }

    private void count(String operation, int status, String answer) {
        outcomes.computeIfAbsent(operation + " " + status, k -> new AtomicInteger()).incrementAndGet();
        assertThat(status).as("%s answered %s", operation, answer).isLessThan(500);
    }
}
