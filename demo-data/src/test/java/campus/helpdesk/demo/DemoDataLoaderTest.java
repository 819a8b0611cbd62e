package campus.helpdesk.demo;

import campus.helpdesk.lifecycle.FeedPositions;
import campus.helpdesk.sla.ServiceLevels;
import campus.helpdesk.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Loads 2,000 tickets into ticket-service's real schema (its Flyway scripts) and checks them with SQL. */
class DemoDataLoaderTest {

    private static final int TICKETS = 2_000;
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static String url;
    private static SeedReport report;
    private static final List<Long> PROGRESS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void loadOnce() throws Exception {
        url = TestPostgres.get().createDatabase("demo_data");
        migrate(url);
        report = DemoDataLoader.load(DemoDataLoaderTest::connect, new SeedPlan(TICKETS, 12, 7, NOW),
                (done, total) -> PROGRESS.add(done));
    }

    @Test
    void progressMovesInStepsOfAtMostATenth() {
        // A line per tenth is what a seed without a terminal prints: a step over one skipped a line (60 % then 80 %).
        List<Long> steps = Stream.concat(Stream.of(0L), PROGRESS.stream()).sorted().toList();
        assertThat(steps.getLast()).isEqualTo(TICKETS);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i) - steps.get(i - 1)).as("step to %d", steps.get(i)).isLessThanOrEqualTo(TICKETS / 10);
        }
    }

    @Test
    void writesEveryTicketWithItsMessagesAndEvents() throws Exception {
        assertThat(report.tickets()).isEqualTo(TICKETS);
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(TICKETS);
        assertThat(count("SELECT count(*) FROM ticket_message")).isEqualTo(report.messages()).isGreaterThan(TICKETS);
        assertThat(count("SELECT count(*) FROM ticket_event")).isEqualTo(report.events()).isGreaterThan(3L * TICKETS);
        assertThat(count("SELECT count(*) FROM ticket_event WHERE type = 'CREATED'")).isEqualTo(TICKETS);
    }

    @Test
    void eachTicketsLastEventCarriesTheTicketsCurrentFacts() throws Exception {
        // What the analytics services rebuild from the feed must be what the table says.
        assertThat(count("""
                SELECT count(*) FROM tickets t JOIN LATERAL (
                    SELECT * FROM ticket_event e WHERE e.ticket_id = t.id ORDER BY e.id DESC LIMIT 1) last ON true
                WHERE last.version <> t.version OR last.status <> t.status OR last.category <> t.category
                   OR last.priority <> t.priority OR last.opened_at <> t.opened_at
                   OR last.closed_at IS DISTINCT FROM t.closed_at
                   OR last.first_response_at IS DISTINCT FROM t.first_response_at
                   OR last.incident_id IS DISTINCT FROM t.incident_id""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM (SELECT ticket_id, array_agg(version ORDER BY id) v FROM ticket_event
                GROUP BY ticket_id) x WHERE v <> (SELECT array_agg(u ORDER BY u) FROM unnest(v) u)""")).isZero();
    }

    @Test
    void eventsArriveWithTheirFeedPositionsInEachTicketsOrder() throws Exception {
        // Positions written by the load itself, so ticket-service's sequencer has none of them to rewrite.
        assertThat(count("SELECT count(*) FROM ticket_event WHERE position IS NULL")).isZero();
        assertThat(count("SELECT max(position) - min(position) + 1 FROM ticket_event")).isEqualTo(report.events());
        assertThat(count("""
                SELECT count(*) FROM (SELECT ticket_id, array_agg(position ORDER BY id) p FROM ticket_event
                GROUP BY ticket_id) x WHERE p <> (SELECT array_agg(u ORDER BY u) FROM unnest(p) u)""")).isZero();
    }

    @Test
    void aLoadWaitsForTheFeedsLockAndContinuesAfterThePositionsGivenMeanwhile() throws Exception {
        String other = TestPostgres.get().createDatabase("demo_data_feed_lock");
        migrate(other);
        DemoDataLoader.load(() -> connect(other), new SeedPlan(50, 12, 7, NOW), (d, t) -> { });
        try (Connection sequencer = connect(other); Statement s = sequencer.createStatement()) {
            sequencer.setAutoCommit(false);
            s.execute(FeedPositions.LOCK);
            // What a sweep holding the lock stamps: a position above all the load can have read so far.
            s.executeUpdate("UPDATE ticket_event SET position = 1000000 WHERE id = (SELECT max(id) FROM ticket_event)");
            CompletableFuture<SeedReport> load = CompletableFuture.supplyAsync(() ->
                    DemoDataLoader.load(() -> connect(other), new SeedPlan(50, 12, 8, NOW), (d, t) -> { }));
            Thread.sleep(1_500);
            assertThat(load).isNotDone();
            sequencer.commit();
            SeedReport second = load.get(60, TimeUnit.SECONDS);
            try (Connection c = connect(other); Statement q = c.createStatement();
                 ResultSet rs = q.executeQuery("SELECT min(position), count(*) FROM ticket_event WHERE ticket_id >= "
                         + second.firstId())) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1_000_001);
                assertThat(rs.getLong(2)).isEqualTo(second.events());
            }
        }
    }

    @Test
    void statusesAndTimesAreConsistent() throws Exception {
        assertThat(count("SELECT count(*) FROM tickets WHERE (status = 'CLOSED') <> (closed_at IS NOT NULL)")).isZero();
        // A report closed with its incident too: the closer takes it first (Incidents.closeWith).
        assertThat(count("SELECT count(*) FROM tickets WHERE (status = 'OPEN') <> (assignee IS NULL)")).isZero();
        assertThat(count("SELECT count(*) FROM tickets WHERE status = 'CLOSED' AND incident_id IS NOT NULL"))
                .as("reports closed with their incident").isPositive();
        assertThat(count("SELECT count(*) FROM tickets WHERE first_response_at < opened_at OR closed_at < opened_at"
                + " OR closed_at < first_response_at")).isZero();
        assertThat(count("SELECT count(*) FROM tickets WHERE opened_at > '" + NOW + "' OR updated_at > '" + NOW
                + "' OR opened_at < '" + NOW.minus(366, ChronoUnit.DAYS) + "'")).isZero();
        assertThat(count("SELECT count(*) FROM ticket_message WHERE created_at > '" + NOW + "'")).isZero();
    }

    @Test
    void categoriesAndPrioritiesFollowCampusProportions() throws Exception {
        assertThat(share("category = 'FACILITY'")).isCloseTo(0.42, within(0.04));
        assertThat(share("category = 'IT'")).isCloseTo(0.38, within(0.04));
        assertThat(share("category = 'SERVICES'")).isCloseTo(0.20, within(0.04));
        assertThat(share("priority = 'MEDIUM'")).isBetween(0.4, 0.6);
        assertThat(share("priority = 'HIGH'")).isBetween(0.12, 0.3);
    }

    @Test
    void recentTicketsAreFarMoreOftenStillOpenThanOldOnes() throws Exception {
        double recent = share("status <> 'CLOSED' AND opened_at > '" + NOW.minus(3, ChronoUnit.DAYS) + "'")
                / share("opened_at > '" + NOW.minus(3, ChronoUnit.DAYS) + "'");
        double old = share("status <> 'CLOSED' AND opened_at < '" + NOW.minus(90, ChronoUnit.DAYS) + "'")
                / share("opened_at < '" + NOW.minus(90, ChronoUnit.DAYS) + "'");
        assertThat(recent).isGreaterThan(0.3);
        assertThat(old).isBetween(0.001, 0.06);
    }

    @Test
    void resolutionTimesHaveALongTail() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - opened_at)),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - opened_at))
                FROM tickets WHERE status = 'CLOSED'""")) {
            rs.next();
            assertThat(rs.getDouble(2) / rs.getDouble(1)).isGreaterThan(3);
        }
    }

    @Test
    void textsComeInFiveLanguagesAndAreVaried() throws Exception {
        // The row's language is guessed from the text, as ticket-service does: the few texts with no clear winner
        // get 'simple' (unstemmed), as they would there.
        assertThat(count("SELECT count(DISTINCT language) FROM tickets WHERE language <> 'simple'")).isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT description) FROM tickets")).isGreaterThan(TICKETS / 2);
        assertThat(count("SELECT count(*) FROM tickets WHERE search @@ to_tsquery('italian', 'riscaldamento')"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM ticket_message WHERE internal")).isPositive();
    }

    @Test
    void outagesAreDozensOfReportsWithinAnHourLinkedToOneIncidentWithFollowers() throws Exception {
        List<Wave> waves = new StoryGenerator(new SeedPlan(TICKETS, 12, 7, NOW)).waves();
        assertThat(waves).extracting(Wave::name).containsExactly("eduroam", "printers", "heating");
        for (Wave wave : waves) {
            long incident = report.firstId() + wave.incident().index();
            String linked = "FROM tickets WHERE incident_id = " + incident;
            assertThat(count("SELECT count(*) " + linked)).as(wave.name()).isEqualTo(wave.reports().size() - 1)
                    .isGreaterThanOrEqualTo(15);
            assertThat(count("SELECT extract(epoch FROM max(opened_at) - min(opened_at)) FROM tickets WHERE id = "
                    + incident + " OR incident_id = " + incident)).as(wave.name()).isLessThan(3600);
            assertThat(count("SELECT count(DISTINCT language) FROM tickets WHERE incident_id = " + incident))
                    .as(wave.name()).isGreaterThanOrEqualTo(4);
            assertThat(count("SELECT count(*) FROM ticket_follower WHERE ticket_id = " + incident))
                    .as(wave.name()).isPositive()
                    .isEqualTo(count("SELECT count(*) FROM ticket_event WHERE type = 'FOLLOWED' AND ticket_id = "
                            + incident));
            assertThat(count("SELECT count(*) FROM ticket_event WHERE type = 'LINKED' AND incident_id = " + incident))
                    .isEqualTo(wave.reports().size() - 1);
            // Answered once: the incident's message copied under every report, which is its first response.
            assertThat(count("SELECT count(DISTINCT body) FROM ticket_message WHERE ticket_id = " + incident
                    + " OR ticket_id IN (SELECT id " + linked + ")")).isEqualTo(1);
            assertThat(count("SELECT count(*) " + linked + " AND first_response_at IS NOT NULL"))
                    .isEqualTo(wave.reports().size() - 1);
        }
        long recent = report.firstId() + waves.get(0).incident().index();
        assertThat(count("SELECT count(*) FROM tickets WHERE status = 'CLOSED' AND (id = " + recent
                + " OR incident_id = " + recent + ")")).as("the recent outage is still open").isZero();
        for (Wave old : waves.subList(1, waves.size())) {
            long incident = report.firstId() + old.incident().index();
            assertThat(count("SELECT count(*) FROM tickets WHERE incident_id = " + incident + " AND status = 'CLOSED'"
                    + " AND closed_at = (SELECT closed_at FROM tickets WHERE id = " + incident + " AND status = "
                    + "'CLOSED')")).as("closed with %s", old.name()).isEqualTo(old.reports().size() - 1);
        }
    }

    @Test
    void aSmallSeedHasNoOutages() {
        assertThat(new StoryGenerator(new SeedPlan(Waves.MIN_TICKETS - 1, 12, 7, NOW)).waves()).isEmpty();
    }

    @Test
    void ticketServiceContinuesAfterTheDemoIds() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                INSERT INTO tickets (title, description, category, category_confidence, reporter_name)
                VALUES ('after', 'the demo data', 'IT', 0.9, 'Test') RETURNING id""")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(report.lastId());
        }
    }

    @Test
    void foreignKeysSuspendedForABulkLoadComeBackAsTheyWereAndValidated() throws Exception {
        String keys = "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'tickets'::regclass"
                + " AND conrelid IN ('ticket_event'::regclass, 'ticket_message'::regclass)";
        try (SuspendedForeignKeys suspended = SuspendedForeignKeys.suspend(DemoDataLoaderTest::connect)) {
            assertThat(suspended.suspended()).isTrue();
            assertThat(count(keys)).isZero();
        }
        assertThat(count(keys + " AND convalidated")).isEqualTo(2);
    }

    @Test
    void aLoadKilledWhileItsKeysWereSuspendedLeavesARecordThatTheNextLoadRestoresFrom() throws Exception {
        String keys = "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'tickets'::regclass"
                + " AND conrelid IN ('ticket_event'::regclass, 'ticket_message'::regclass)";
        // Suspended and never closed: what a kill -9 of the load leaves behind.
        SuspendedForeignKeys.suspend(DemoDataLoaderTest::connect);
        assertThat(count(keys)).isZero();
        assertThat(count("SELECT count(*) FROM suspended_foreign_keys")).isEqualTo(2);

        assertThat(DemoDataLoader.repairInterruptedLoad(DemoDataLoaderTest::connect)).isEqualTo(2);
        assertThat(count(keys + " AND convalidated")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM suspended_foreign_keys")).isZero();
        assertThat(DemoDataLoader.repairInterruptedLoad(DemoDataLoaderTest::connect)).isZero();
    }

    @Test
    void indexesSuspendedForABulkLoadComeBackExactlyAsTheyWere() throws Exception {
        List<String> before = indexesAndConstraints();
        assertThat(before).anyMatch(d -> d.contains("USING gin (search)")).hasSizeGreaterThan(15);
        try (SuspendedIndexes suspended = SuspendedIndexes.suspend(DemoDataLoaderTest::connect)) {
            assertThat(suspended.suspended()).isTrue();
            // Only what a constraint needs stays: the primary keys, and the unique feed positions that the running
            // services keep writing during a load; and the sequencer's index of events without a position.
            assertThat(count("SELECT count(*) FROM pg_index WHERE indrelid IN (" + SuspendedIndexes.TABLES
                    + ") AND NOT indisprimary AND NOT indisunique")).isOne();
            assertThat(count("SELECT count(*) FROM pg_index WHERE indexrelid IN ('ticket_event_position'::regclass, '"
                    + SuspendedIndexes.FEED_UNSTAMPED + "'::regclass)")).isEqualTo(2);
        }
        assertThat(indexesAndConstraints()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM pg_index WHERE indrelid IN (" + SuspendedIndexes.TABLES
                + ") AND NOT (indisvalid AND indisready)")).isZero();
        assertThat(count("SELECT count(*) FROM suspended_indexes")).isZero();
    }

    @Test
    void aLoadKilledWhileItsIndexesWereSuspendedLeavesARecordThatTheNextLoadBuildsFrom() throws Exception {
        List<String> before = indexesAndConstraints();
        // Suspended and never closed: what a kill -9 of the load leaves behind.
        SuspendedIndexes.suspend(DemoDataLoaderTest::connect);
        long dropped = count("SELECT count(*) FROM suspended_indexes");
        assertThat(dropped).isGreaterThan(10);
        assertThat(indexesAndConstraints()).hasSize(before.size() - (int) dropped);

        assertThat(DemoDataLoader.repairInterruptedLoad(DemoDataLoaderTest::connect)).isEqualTo((int) dropped);
        assertThat(indexesAndConstraints()).isEqualTo(before);
        assertThat(DemoDataLoader.repairInterruptedLoad(DemoDataLoaderTest::connect)).isZero();
    }

    /** Every index and constraint of the loaded tables as PostgreSQL spells it, in a fixed order. */
    private static List<String> indexesAndConstraints() throws SQLException {
        List<String> all = new java.util.ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT tablename || ' ' || indexname || ': ' || indexdef FROM pg_indexes
                WHERE tablename IN ('tickets', 'ticket_message', 'ticket_event')
                UNION ALL
                SELECT conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid IN (%s)
                ORDER BY 1""".formatted(SuspendedIndexes.TABLES))) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }

    @Test
    void sameSeedGivesTheSameTickets() {
        SeedPlan plan = new SeedPlan(50, 6, 42, NOW);
        StoryGenerator first = new StoryGenerator(plan);
        StoryGenerator second = new StoryGenerator(plan);
        for (int i = 0; i < 50; i++) {
            assertThat(second.generate(i)).isEqualTo(first.generate(i));
            assertThat(TicketScript.play(second.generate(i), i + 1, 6L * i, ServiceLevels.defaults()))
                    .isEqualTo(TicketScript.play(first.generate(i), i + 1, 6L * i, ServiceLevels.defaults()));
        }
    }

    @Test
    void refusesADatabaseWithoutTheHelpdeskTables() {
        String empty = TestPostgres.get().createDatabase("demo_data_empty");
        assertThatThrownBy(() -> DemoDataLoader.hasTickets(() -> DriverManager.getConnection(empty,
                TestPostgres.get().user(), TestPostgres.get().password())))
                .isInstanceOf(DemoDataException.class).hasMessageContaining("ticket-service");
    }

    private static double share(String where) throws SQLException {
        return (double) count("SELECT count(*) FROM tickets WHERE " + where) / TICKETS;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return connect(url);
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, TestPostgres.get().user(), TestPostgres.get().password());
    }

    /** ticket-service's Flyway scripts, applied in version order: the generator must fit the real schema. */
    private static void migrate(String jdbcUrl) throws IOException, SQLException {
        Path dir = Path.of("..", "ticket-service", "src", "main", "resources", "db", "migration");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestPostgres.get().user(),
                TestPostgres.get().password()); Statement s = c.createStatement()) {
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
