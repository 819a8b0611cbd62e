package campus.helpdesk.ticket.demo;

import campus.helpdesk.api.Classification;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.demo.DemoDataLoader;
import campus.helpdesk.demo.SeedPlan;
import campus.helpdesk.demo.SeedReport;
import campus.helpdesk.demo.Story;
import campus.helpdesk.demo.StoryGenerator;
import campus.helpdesk.demo.Wave;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import campus.helpdesk.ticket.classify.CurrentClassifier;
import campus.helpdesk.ticket.lifecycle.ChangeClock;
import io.micronaut.core.type.Argument;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo tickets are real tickets: the same scripted stories, once sent to ticket-service as HTTP requests (its real
 * controllers, lifecycle and SQL, on a real PostgreSQL) and once loaded by demo-data's bulk generator (COPY), leave
 * the same rows, compared field by field: tickets (versions included), messages, events and followers. The plan is big
 * enough to have the demo outages ({@link Wave}s): their reports are filed, joined, linked, answered once and closed
 * with the incident through the incidents API here, and played through the lifecycle's {@code Incidents} rules there.
 *
 * <p>Two inputs are scripted so that both sides see the same ones: the time (the service's clock is set to each
 * step's planned time, so timestamps are compared exactly, not ignored) and the classifier's answer (the story's
 * guess; the real classifier would answer differently from the generator's simulation, and the lifecycle, not the
 * model, is under test here). What is left out, and why:
 * <ul>
 *   <li>ids of tickets, messages and events: each side draws them from the sequences, so they differ by
 *   construction; rows are paired by story instead (tickets in story order, messages and events in id order
 *   within their ticket), a MESSAGE_ADDED event's message id is compared as the message's place in its
 *   ticket, and an incident's id (a linked ticket's {@code incident_id}, its events' and their changes') as the
 *   incident's place among its side's tickets;</li>
 *   <li>the events' feed position: stamped by the sequencer when the event's transaction commits, so it depends
 *   on commit timing, not on the rules;</li>
 *   <li>category_correction rows: demo-data writes none on purpose, since they are training data and the service
 *   retrains its classifier with them at start-up (demo texts must not teach it).</li>
 * </ul>
 */
@MicronautTest(transactional = false)
class DemoDataMatchesServiceTest extends ApiTest {

    private static final int TICKETS = 300;
    private static final SeedPlan PLAN = new SeedPlan(TICKETS, 3, 11, Instant.parse("2026-11-23T12:00:00Z"));

    // Static: the replacement beans may be created by a start-up task (the classifier's warm-up) before JUnit makes
    // the instance that runs the test, and must still read what that instance scripts.
    private static final AtomicReference<Instant> time = new AtomicReference<>(Instant.EPOCH);
    private static final AtomicReference<Classification> nextAnswer = new AtomicReference<>();

    @MockBean(ChangeClock.class)
    ChangeClock scriptedClock() {
        return new ChangeClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return time.get();
            }
        });
    }

    @MockBean(CurrentClassifier.class)
    CurrentClassifier scriptedClassifier() {
        return new CurrentClassifier() {
            @Override
            public Classification classify(String text) {
                return nextAnswer.get();
            }
        };
    }

    @Test
    void theSameStoriesLeaveTheSameRowsThroughTheServiceAndThroughTheBulkLoader() throws Exception {
        StoryGenerator generator = new StoryGenerator(PLAN);
        assertThat(generator.waves()).as("the plan has outages").isNotEmpty();
        List<Long> serviceIds = new ArrayList<>();
        for (int i = 0; i < generator.stories(); i++) {
            serviceIds.add(replay(generator.generate(i)));
        }
        for (Wave wave : generator.waves()) {
            serviceIds.addAll(replay(wave));
        }
        SeedReport report = DemoDataLoader.load(this::sql, PLAN, (done, total) -> { });
        // Both sides in the same order: the stories, then the waves' reports (the generator numbers them so).
        List<Long> demoIds = LongStream.rangeClosed(report.firstId(), report.lastId()).boxed().toList();
        assertThat(demoIds).hasSize(TICKETS);

        try (Connection c = sql()) {
            Rows service = read(c, serviceIds);
            Rows demo = read(c, demoIds);
            assertThat(demo.followers()).isEqualTo(service.followers()).isNotEmpty();
            assertThat(service.tickets()).hasSize(TICKETS);
            assertThat(demo.tickets()).hasSize(TICKETS);
            assertThat(demo.messages().values().stream().mapToInt(List::size).sum()).isEqualTo(report.messages())
                    .isEqualTo(service.messages().values().stream().mapToInt(List::size).sum());
            assertCoversEveryKindOfStep(service);
            for (int i = 0; i < TICKETS; i++) {
                long s = serviceIds.get(i);
                long d = demoIds.get(i);
                assertThat(demo.tickets().get(d)).as("ticket of story %d", i).isEqualTo(service.tickets().get(s));
                assertThat(demo.messages().getOrDefault(d, List.of())).as("messages of story %d", i)
                        .isEqualTo(service.messages().getOrDefault(s, List.of()));
                assertThat(demo.events().get(d)).as("events of story %d", i).isNotEmpty()
                        .isEqualTo(service.events().get(s));
            }
        }
    }

    /** Plays one story through the HTTP API, each request at the step's time; the new ticket's id. */
    private long replay(Story story) {
        time.set(story.openedAt());
        nextAnswer.set(story.classification());
        Api.Answer filed = api.post(Api.As.student(story.reporter()), "/api/tickets", story.filing());
        assertThat(filed.status).as(filed.toString()).isEqualTo(201);
        long id = filed.as(Ticket.class).id();
        String path = "/api/tickets/" + id;
        for (Story.Step step : story.steps()) {
            time.set(step.at());
            Api.Answer answer = switch (step) {
                case Story.Take take -> api.post(Api.As.staff(take.staff()), path + "/status",
                        Map.of("status", "ACTIVE"));
                case Story.CorrectCategory fix -> {
                    long version = api.get(Api.As.staff(fix.staff()), path).as(Ticket.class).version();
                    yield api.patch(Api.As.staff(fix.staff()), path, Map.of("category", fix.category().name(),
                            "version", version));
                }
                case Story.Post post -> api.post(post.role() == Role.STAFF ? Api.As.staff(post.author())
                                : Api.As.student(post.author()), path + "/messages",
                        Map.of("body", post.body(), "internal", post.internal()));
                case Story.HandOver handOver -> api.post(Api.As.staff(handOver.staff()), path + "/assignee",
                        Map.of("assignee", handOver.to()));
                case Story.Close close -> api.post(Api.As.staff(close.staff()), path + "/status",
                        Map.of("status", "CLOSED"));
            };
            assertThat(answer.status).as("%s: %s", step, answer).isBetween(200, 201);
        }
        return id;
    }

    /**
     * Plays one outage through the HTTP API, each request at the move's time, as the desk would have lived it: the
     * students file or join, staff take the incident, link the reports in one request, answer once and close once.
     * The reports' ids, in report order (the incident first).
     */
    private List<Long> replay(Wave wave) {
        List<Long> ids = new ArrayList<>();
        for (Wave.Move move : wave.moves()) {
            time.set(move.at());
            String incident = ids.isEmpty() ? null : "/api/tickets/" + ids.get(0);
            Api.Answer answer = switch (move) {
                case Wave.File file -> {
                    Story report = wave.reports().get(file.report());
                    nextAnswer.set(report.classification());
                    Api.Answer filed = api.post(Api.As.student(report.reporter()), "/api/tickets", report.filing());
                    ids.add(filed.as(Ticket.class).id());
                    yield filed;
                }
                case Wave.Follow follow -> api.post(Api.As.student(follow.student()), incident + "/followers",
                        null);
                case Wave.Take take -> api.post(Api.As.staff(take.staff()), incident + "/status",
                        Map.of("status", "ACTIVE"));
                case Wave.Link link -> api.post(Api.As.staff(link.staff()), incident + "/links",
                        Map.of("tickets", link.reports().stream().map(ids::get).toList()));
                case Wave.Answer reply -> api.post(Api.As.staff(reply.staff()), incident + "/messages",
                        Map.of("body", reply.body(), "internal", false));
                case Wave.Close close -> api.post(Api.As.staff(close.staff()), incident + "/status",
                        Map.of("status", "CLOSED"));
            };
            assertThat(answer.status).as("%s: %s", move, answer).isBetween(200, 204);
        }
        return ids;
    }

    /** A comparison of stories that skip a kind of step would prove nothing about that kind. */
    private static void assertCoversEveryKindOfStep(Rows rows) {
        List<Map<String, Object>> events = rows.events().values().stream().flatMap(List::stream).toList();
        for (String type : List.of("CREATED", "STATUS_CHANGED", "CATEGORY_CORRECTED", "HANDED_OVER",
                "MESSAGE_ADDED", "LINKED", "FOLLOWED")) {
            assertThat(events).as(type).anyMatch(e -> type.equals(e.get("type")));
        }
        assertThat(events).as("internal notes").anyMatch(e -> Boolean.TRUE.equals(e.get("internal")));
        for (String status : List.of("OPEN", "ACTIVE", "CLOSED")) {
            assertThat(rows.tickets().values()).as(status).anyMatch(t -> status.equals(t.get("status")));
        }
        assertThat(rows.tickets().values()).as("waiting for review")
                .anyMatch(t -> Boolean.TRUE.equals(t.get("needs_review")));
        assertThat(rows.tickets().values()).as("every ticket has its response targets")
                .allMatch(t -> t.get("first_response_due_at") != null && t.get("resolution_at_risk_at") != null);
        assertThat(events).as("events carry the assignee").anyMatch(e -> e.get("assignee") != null);
        assertThat(events).as("the incident's answer copied under a linked ticket").anyMatch(e ->
                "MESSAGE_ADDED".equals(e.get("type")) && fromIncident(e));
        assertThat(events).as("a linked ticket closed with its incident").anyMatch(e ->
                "CLOSED".equals(e.get("status")) && fromIncident(e));
        assertThat(rows.tickets().values()).as("linked tickets still open (the recent outage)")
                .anyMatch(t -> t.get("incident_id") != null && "OPEN".equals(t.get("status")));
    }

    private static boolean fromIncident(Map<String, Object> event) {
        @SuppressWarnings("unchecked")
        List<FieldChange> changes = (List<FieldChange>) event.get("changes");
        return changes.stream().anyMatch(c -> c.field().equals("incident"));
    }

    /** One side's rows by ticket id, without the columns that differ by construction (see the class comment). */
    private record Rows(Map<Long, Map<String, Object>> tickets, Map<Long, List<Map<String, Object>>> messages,
                        Map<Long, List<Map<String, Object>>> events, List<Map<String, Object>> followers) {
    }

    private Rows read(Connection c, List<Long> ids) throws SQLException {
        // An incident is named by its place among this side's tickets, which is the same on both sides.
        Map<String, String> placeOfTicket = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            placeOfTicket.put(String.valueOf(ids.get(i)), "#" + i);
        }
        Map<Long, Map<String, Object>> tickets = new HashMap<>();
        for (Map<String, Object> t : select(c, "SELECT id, title, description, location, priority::text, "
                + "status::text, category::text, category_confidence, category_source, needs_review, reporter_name, "
                + "assignee, opened_at, updated_at, first_response_at, closed_at, version, language, deleted_at, "
                + "search::text, first_response_due_at, first_response_at_risk_at, resolution_due_at, "
                + "resolution_at_risk_at, incident_id FROM tickets WHERE id = ANY (?)", ids)) {
            t.put("incident_id", placeOfTicket.get(String.valueOf(t.get("incident_id"))));
            tickets.put((Long) t.remove("id"), t);
        }
        Map<Long, List<Map<String, Object>>> messages = new HashMap<>();
        Map<String, String> placeOfMessage = new HashMap<>();
        for (Map<String, Object> m : select(c, "SELECT ticket_id, id, author, author_role, body, internal, created_at "
                + "FROM ticket_message WHERE ticket_id = ANY (?) ORDER BY id", ids)) {
            List<Map<String, Object>> ofTicket = messages.computeIfAbsent((Long) m.remove("ticket_id"),
                    k -> new ArrayList<>());
            placeOfMessage.put(String.valueOf(m.remove("id")), "#" + (ofTicket.size() + 1));
            ofTicket.add(m);
        }
        Map<Long, List<Map<String, Object>>> events = new HashMap<>();
        for (Map<String, Object> e : select(c, "SELECT ticket_id, type, actor, actor_role, at, internal, "
                + "changes::text AS changes, category::text, status::text, priority::text, opened_at, closed_at, "
                + "first_response_at, version, assignee, first_response_due_at, resolution_due_at, incident_id "
                + "FROM ticket_event WHERE ticket_id = ANY (?) ORDER BY id", ids)) {
            List<FieldChange> changes = new ArrayList<>();
            for (FieldChange change : parse((String) e.get("changes"))) {
                changes.add(switch (change.field()) {
                    case "message" -> new FieldChange("message", change.from(), placeOfMessage.get(change.to()));
                    case "incidentId", Incidents.FROM_INCIDENT -> new FieldChange(change.field(),
                            placeOfTicket.get(change.from()), placeOfTicket.get(change.to()));
                    default -> change;
                });
            }
            e.put("incident_id", placeOfTicket.get(String.valueOf(e.get("incident_id"))));
            e.put("changes", changes);
            events.computeIfAbsent((Long) e.remove("ticket_id"), k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> followers = new ArrayList<>();
        for (Map<String, Object> f : select(c, "SELECT ticket_id, person, joined_at FROM ticket_follower "
                + "WHERE ticket_id = ANY (?) ORDER BY joined_at, person", ids)) {
            f.put("ticket_id", placeOfTicket.get(String.valueOf(f.get("ticket_id"))));
            followers.add(f);
        }
        return new Rows(tickets, messages, events, followers);
    }

    private List<FieldChange> parse(String changes) {
        try {
            return json.readValue(changes, Argument.listOf(FieldChange.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> select(Connection c, String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        // timestamptz as an instant: equal instants, equal values, whatever the session's zone.
                        row.put(meta.getColumnLabel(i), value instanceof Timestamp ts ? ts.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
