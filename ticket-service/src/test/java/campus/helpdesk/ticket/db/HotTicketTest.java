package campus.helpdesk.ticket.db;

import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first morning of an outage: a crowd answers one ticket at the same moment. Its writers take turns on that
 * ticket anyway; before, each waited for its turn holding one of the pool's sixteen connections, so for a second
 * or two every other ticket's requests got "the database is not reachable".
 */
@MicronautTest(transactional = false)
class HotTicketTest extends ApiTest {

    private static final int CROWD = 150;
    /**
     * Longer than the gateway waits, so that every request ends in the service's own answer (stored or not) and a
     * machine busy with the crowd is not mistaken for the pool's 503.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @Test
    void aCrowdAnsweringOneTicketLeavesTheRestOfTheDeskItsConnections() throws Exception {
        long hot = create().id();
        long other = create().id();
        long before = count("SELECT count(*) FROM ticket_message WHERE ticket_id = " + hot);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> crowd = new ArrayList<>();
        List<String> bystander = new ArrayList<>();
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CROWD; i++) {
                crowd.add(people.submit(() -> {
                    go.await();
                    return send(hot);
                }));
            }
            go.countDown();
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                bystander.add(send(other));
                Thread.sleep(50);
            }
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> f : crowd) {
            answers.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(bystander).as("another ticket's messages meanwhile").hasSizeGreaterThan(10).containsOnly("201");
        assertThat(answers).as("the crowd: stored, or told to try again: %s", tally(answers)).isSubsetOf("201", "503").contains("201");
        long stored = answers.stream().filter("201"::equals).count();
        assertThat(count("SELECT count(*) FROM ticket_message WHERE ticket_id = " + hot))
                .as("every 201 stored, nothing else").isEqualTo(before + stored);
    }

    private static Map<String, Long> tally(List<String> answers) {
        return answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    }

    /** A message to {@code ticket}: the status, or "gave up". */
    private String send(long ticket) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/tickets/" + ticket + "/messages"))
                .timeout(PATIENCE)
                .header("Authorization", tokens.bearer(STUDENT.user(), STUDENT.role(), "ticket-service"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Same here, no Wi-Fi in the library.\"}"))
                .build();
        try {
            return String.valueOf(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        } catch (HttpTimeoutException e) {
            return "gave up";
        }
    }
}
