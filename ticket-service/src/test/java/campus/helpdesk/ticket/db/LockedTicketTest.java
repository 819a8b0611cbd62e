package campus.helpdesk.ticket.db;

import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket held by someone else's open transaction (a script, an administrator's psql) refuses its writes within a
 * second, changing nothing, and the rest of the desk goes on answering. Before, each write waited for the lock with
 * a pooled connection for up to 30 s; the gateway gave up after 1.5 s, the person pressed Send again, and within
 * seconds every request of the desk got a 503.
 */
@MicronautTest(transactional = false)
class LockedTicketTest extends ApiTest {

    /** As the gateway waits for a service. */
    private static final Duration PATIENCE = Duration.ofMillis(1_500);
    private static final Duration HELD_FOR = Duration.ofSeconds(8);

    private final HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aTicketHeldElsewhereRefusesItsWritesAndTheRestOfTheDeskAnswers() throws Exception {
        long held = create().id();
        long other = create().id();
        long before = messagesOf(held);
        Pressed pressed;
        try (Connection script = sql(); Statement s = script.createStatement()) {
            script.setAutoCommit(false);
            s.executeUpdate("UPDATE tickets SET location = 'held by a script' WHERE id = " + held);
            pressed = whileHeld(() -> pressSend(held), other);
            script.rollback();
        }

        assertThat(pressed.bystanders()).hasSizeGreaterThan(10).containsOnly(200);
        assertThat(pressed.answers()).contains("503").doesNotContain("201", "500");
        assertThat(pressSend(held)).isEqualTo("201");
        assertThat(messagesOf(held)).as("only the message sent once the ticket was free").isEqualTo(before + 1);
    }

    /**
     * A migration's CREATE INDEX holds the events table (SHARE: reads go on, writes wait) while students report. A
     * create runs outside a transaction, and before the pool-wide lock limit it waited for the whole statement
     * timeout (30 s) holding a connection; the browser sent again, and a dozen reports left every request of the
     * desk without one.
     */
    @Test
    void aTableHeldByAMigrationRefusesReportsWithinASecondAndChangesNothing() throws Exception {
        long someTicket = create().id();
        long before = count("SELECT count(*) FROM tickets");
        Pressed pressed;
        try (Connection migration = sql(); Statement s = migration.createStatement()) {
            migration.setAutoCommit(false);
            s.execute("LOCK TABLE ticket_event IN SHARE MODE");
            pressed = whileHeld(this::pressReport, someTicket);
            migration.rollback();
        }

        assertThat(pressed.bystanders()).hasSizeGreaterThan(10).containsOnly(200);
        assertThat(pressed.answers()).contains("503").doesNotContain("201", "500");
        assertThat(count("SELECT count(*) FROM tickets")).as("no report stored while refused").isEqualTo(before);
        assertThat(pressReport()).isEqualTo("201");
    }

    /** An ALTER TABLE holds the tickets table whole: reading a ticket is refused within a second, not after 30 s. */
    @Test
    void aTableLockedWholeRefusesReadsWithinASecond() throws Exception {
        long someTicket = create().id();
        try (Connection migration = sql(); Statement s = migration.createStatement()) {
            migration.setAutoCommit(false);
            s.execute("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE");
            HttpRequest read = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/tickets/" + someTicket))
                    .timeout(PATIENCE.multipliedBy(2))
                    .header("Authorization", tokens.bearer(STAFF.user(), STAFF.role(), "ticket-service"))
                    .GET().build();
            HttpResponse<String> answer = impatient.send(read, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            migration.rollback();
        }
        assertThat(api.get(STAFF, "/api/tickets/" + someTicket).status).isEqualTo(200);
    }

    /** What four people pressing got while something was held, and what a bystander reading another ticket got. */
    private record Pressed(List<String> answers, List<Integer> bystanders) {
    }

    /**
     * Four people press for {@link #HELD_FOR} while a bystander reads {@code bystanderTicket} every 250 ms; returns
     * once a press its client gave up on has been refused too (it waits at most a second for each lock), so none
     * slips in after the holder lets go.
     */
    private Pressed whileHeld(Callable<String> press, long bystanderTicket) throws Exception {
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        List<Integer> bystanders = new ArrayList<>();
        long until = System.nanoTime() + HELD_FOR.toNanos();
        ExecutorService people = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                people.submit(() -> {
                    while (System.nanoTime() < until) {
                        answers.add(press.call());
                    }
                    return null;
                });
            }
            while (System.nanoTime() < until) {
                bystanders.add(api.get(STAFF, "/api/tickets/" + bystanderTicket).status);
                Thread.sleep(250);
            }
        } finally {
            people.shutdown();
        }
        assertThat(people.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(3_000);
        return new Pressed(answers, bystanders);
    }

    /** A report by someone twice as patient as the gateway (a slow machine's answer still counts): the status. */
    private String pressReport() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/tickets"))
                .timeout(PATIENCE.multipliedBy(2))
                .header("Authorization", tokens.bearer(STUDENT.user(), STUDENT.role(), "ticket-service"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Projector dead in B12\",\"description\":\"It shows no picture at all.\"}"))
                .build();
        try {
            return String.valueOf(impatient.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        } catch (HttpTimeoutException e) {
            return "gave up";
        }
    }

    private long messagesOf(long ticket) throws Exception {
        return count("SELECT count(*) FROM ticket_message WHERE ticket_id = " + ticket);
    }

    /** A message to the ticket by someone who gives up as the gateway does: the status, or "gave up". */
    private String pressSend(long ticket) throws Exception {
        URI messages = URI.create(server.getURI() + "/api/tickets/" + ticket + "/messages");
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(PATIENCE)
                .header("Authorization", tokens.bearer(STUDENT.user(), STUDENT.role(), "ticket-service"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Any news on this?\"}"))
                .build();
        try {
            return String.valueOf(impatient.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        } catch (HttpTimeoutException e) {
            return "gave up";
        }
    }
}
