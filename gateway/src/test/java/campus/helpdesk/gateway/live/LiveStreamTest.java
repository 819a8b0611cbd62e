package campus.helpdesk.gateway.live;

import campus.helpdesk.api.Closure;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.client.ClosureClient;
import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static campus.helpdesk.gateway.live.VisibilityTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The SSE stream over real HTTP, fed by publishing into the hub (the feed consumer is off in tests). */
@MicronautTest
class LiveStreamTest {

    /** One thread per open stream, each blocked on its reads: the common pool has a single thread on two cores. */
    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    @Inject
    EmbeddedServer server;
    @Inject
    LiveHub hub;
    GatewayHttp http;

    @BeforeEach
    void setUp() {
        http = new GatewayHttp(server.getURI());
    }

    @Test
    void aHeadOfTheStreamRegistersNoBrowser() throws Exception {
        String cookie = http.signIn("Hedda", "STAFF");
        int before = hub.browsers();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> head = http.send("HEAD", "/api/live", null, "Cookie", cookie);
            assertThat(head.statusCode()).isEqualTo(200);
        }
        assertThat(hub.browsers()).as("nobody reads a HEAD's stream").isLessThanOrEqualTo(before);
    }

    @Test
    void withoutASessionThereIsNoStream() {
        HttpResponse<String> r = http.get("/api/live");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void studentsStreamLeavesOutInternalNotesAndClosedTicketsWhileStaffGetAll() throws Exception {
        CompletableFuture<Void> studentReady = new CompletableFuture<>();
        CompletableFuture<Void> staffReady = new CompletableFuture<>();
        CompletableFuture<List<String>> student = readUntil(http.signIn("Stu", "STUDENT"), null,
                "\"cursor\":\"s-last\"", studentReady);
        CompletableFuture<List<String>> staff = readUntil(http.signIn("Sam", "STAFF"), null,
                "\"cursor\":\"s-last\"", staffReady);
        // Counting the hub's browsers could count another test's stream that is still closing.
        CompletableFuture.allOf(studentReady, staffReady).get(5, TimeUnit.SECONDS);
        hub.publish(event("s-note", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, true));
        hub.publish(event("s-closed", EventType.STATUS_CHANGED, TicketStatus.CLOSED, false));
        hub.publish(event("s-last", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, false));

        List<String> studentLines = student.get(5, TimeUnit.SECONDS);
        assertThat(studentLines).contains("event: change", "id: s-last")
                .doesNotContain("id: s-note", "id: s-closed");
        assertThat(staff.get(5, TimeUnit.SECONDS)).contains("id: s-note", "id: s-closed", "id: s-last");
    }

    @Test
    void analystsStreamHasClosedTicketsAndWhoChangedThemButNoInternalNotes() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<List<String>> analyst = readUntil(http.signIn("Al", "ANALYST"), null,
                "\"cursor\":\"a-last\"", ready);
        ready.get(5, TimeUnit.SECONDS);
        hub.publish(event("a-note", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, true));
        hub.publish(event("a-closed", EventType.STATUS_CHANGED, TicketStatus.CLOSED, false));
        hub.publish(event("a-last", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, false));

        List<String> lines = analyst.get(5, TimeUnit.SECONDS);
        assertThat(lines).contains("id: a-closed", "id: a-last").doesNotContain("id: a-note");
        assertThat(String.join("\n", lines)).contains("\"actor\":\"Sam\"");
    }

    @Test
    void aClosedTicketsReporterIsToldWithTheLastAnswerAndNobodyElseIs() throws Exception {
        CompletableFuture<Void> reporterReady = new CompletableFuture<>();
        CompletableFuture<Void> otherReady = new CompletableFuture<>();
        CompletableFuture<Void> staffReady = new CompletableFuture<>();
        CompletableFuture<List<String>> reporter = readUntil(http.signIn("Rita", "STUDENT"), null,
                "\"cursor\":\"c-last\"", reporterReady);
        CompletableFuture<List<String>> other = readUntil(http.signIn("Otto", "STUDENT"), null,
                "\"cursor\":\"c-last\"", otherReady);
        CompletableFuture<List<String>> staff = readUntil(http.signIn("Sam", "STAFF"), null,
                "\"cursor\":\"c-last\"", staffReady);
        CompletableFuture.allOf(reporterReady, otherReady, staffReady).get(5, TimeUnit.SECONDS);
        hub.publishSolved(new Closure(1430, "Radiator cold in A3", "Room A3", "Rita", "Bob", Instant.parse("2026-03-02T14:21:00Z"),
                new Closure.Answer("Bob", "The valve was stuck: fixed", Instant.parse("2026-03-02T14:20:00Z")), null));
        hub.publish(event("c-last", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, false));

        String told = String.join("\n", reporter.get(5, TimeUnit.SECONDS));
        assertThat(told).contains("event: solved", "\"ticketId\":1430", "\"closedBy\":\"Bob\"",
                "\"body\":\"The valve was stuck: fixed\"").doesNotContain("\"reporter\"");
        assertThat(other.get(5, TimeUnit.SECONDS)).doesNotContain("event: solved");
        assertThat(staff.get(5, TimeUnit.SECONDS)).as("staff follow the change events").doesNotContain("event: solved");
    }

    @Test
    void aCloseOfATicketDeletedSinceTellsNobodyAndEveryStreamGoesOn() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<List<String>> staff = readUntil(http.signIn("Sam", "STAFF"), null,
                "\"cursor\":\"d-last\"", ready);
        ready.get(5, TimeUnit.SECONDS);
        ExecutorService asking = Executors.newSingleThreadExecutor();
        // ticket-service answers 404 for a ticket deleted after its close; the declarative client reads it as null.
        LiveFeedListener listener = new LiveFeedListener(hub, new ClosureClient() {
            @Override
            public List<Closure> solved(String recent) {
                return List.of();
            }

            @Override
            public Closure closure(long id) {
                return null;
            }
        }, asking);
        listener.apply(event("d-closed", EventType.STATUS_CHANGED, TicketStatus.CLOSED, false));
        asking.shutdown();
        assertThat(asking.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        hub.publish(event("d-last", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, false));

        assertThat(staff.get(5, TimeUnit.SECONDS)).contains("id: d-closed", "id: d-last");
    }

    @Test
    void thoseWhoJoinedATicketAreToldOfItsCloseLikeItsReporterWithoutLearningWhoElseJoined() throws Exception {
        CompletableFuture<Void> followerReady = new CompletableFuture<>();
        CompletableFuture<Void> otherReady = new CompletableFuture<>();
        CompletableFuture<Void> analystReady = new CompletableFuture<>();
        CompletableFuture<List<String>> follower = readUntil(http.signIn("Fenna", "STUDENT"), null,
                "\"cursor\":\"f-last\"", followerReady);
        CompletableFuture<List<String>> other = readUntil(http.signIn("Otto", "STUDENT"), null,
                "\"cursor\":\"f-last\"", otherReady);
        CompletableFuture<List<String>> analyst = readUntil(http.signIn("Fenna", "ANALYST"), null,
                "\"cursor\":\"f-last\"", analystReady);
        CompletableFuture.allOf(followerReady, otherReady, analystReady).get(5, TimeUnit.SECONDS);
        hub.publishSolved(new Closure(1431, "Eduroam down in the library", "Library", "Rita", "Bob",
                Instant.parse("2026-03-02T09:40:00Z"), new Closure.Answer("Bob", "The controller was restarted",
                Instant.parse("2026-03-02T09:35:00Z")), List.of("Fenna", "Gustav")));
        hub.publish(event("f-last", EventType.MESSAGE_ADDED, TicketStatus.ACTIVE, false));

        String told = String.join("\n", follower.get(5, TimeUnit.SECONDS));
        assertThat(told).contains("event: solved", "\"ticketId\":1431", "\"body\":\"The controller was restarted\"")
                .doesNotContain("Gustav", "\"followers\"", "\"reporter\"");
        assertThat(other.get(5, TimeUnit.SECONDS)).doesNotContain("event: solved");
        assertThat(analyst.get(5, TimeUnit.SECONDS)).as("an analyst of the same name reports and joins nothing")
                .doesNotContain("event: solved");
    }

    @Test
    void aStreamIsToldWhenTheGatewayDoesNotHearTheDesksChanges() throws Exception {
        // The feed consumer is off here, as if ticket-service were away: the browser's stream is up, the desk's
        // changes are not coming, and the page must not say "Live".
        List<String> lines = readUntil(http.signIn("Fred", "STAFF"), null, "\"following\"").get(5, TimeUnit.SECONDS);
        assertThat(lines).contains("event: ready", "event: feed");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("data: {\"following\":false}");
    }

    @Test
    void aBrowserReconnectingWithLastEventIdGetsWhatItMissed() throws Exception {
        hub.publish(event("r-1", EventType.EDITED, TicketStatus.OPEN, false));
        hub.publish(event("r-2", EventType.EDITED, TicketStatus.OPEN, false));
        hub.publish(event("r-3", EventType.EDITED, TicketStatus.OPEN, false));
        List<String> lines = readUntil(http.signIn("Sam", "STAFF"), "r-1", "\"cursor\":\"r-3\"").get(5, TimeUnit.SECONDS);
        assertThat(lines).contains("id: r-2", "id: r-3").doesNotContain("id: r-1");
    }

    @Test
    void signingOutEndsTheSessionsOpenStreamAndTheCookieStopsWorking() throws Exception {
        String cookie = http.signIn("Sol", "STAFF");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<List<String>> stream = readUntil(cookie, null, "never-sent", ready);
        ready.get(5, TimeUnit.SECONDS);
        assertThat(http.send("DELETE", "/api/session", null, "Cookie", cookie).statusCode()).isEqualTo(204);

        // The stream ends by itself (end of body), without the reader giving up.
        assertThat(stream.get(5, TimeUnit.SECONDS)).contains("event: ready").doesNotContain("never-sent");
        assertThat(http.get("/api/live", "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/session", "Cookie", cookie).body()).contains("\"signedIn\":false");
    }

    private CompletableFuture<List<String>> readUntil(String cookie, String lastEventId, String stopText) {
        return readUntil(cookie, lastEventId, stopText, new CompletableFuture<>());
    }

    /** Reads the stream until {@code stopText}; {@code ready} completes when the stream's "ready" event arrives. */
    private CompletableFuture<List<String>> readUntil(String cookie, String lastEventId, String stopText,
                                                      CompletableFuture<Void> ready) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve("/api/live"))
                .header("Cookie", cookie).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        // Async: a response already complete would run thenApply on this thread, which would then read the stream
        // before the test publishes what it waits for, and wait for good.
        return http.client().sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream()).thenApplyAsync(r -> {
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.equals("event: ready")) {
                        ready.complete(null);
                    }
                    if (line.contains(stopText)) {
                        break;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return lines;
        }, READERS);
    }
}
