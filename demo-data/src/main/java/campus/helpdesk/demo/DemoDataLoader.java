package campus.helpdesk.demo;

import campus.helpdesk.sla.ServiceLevelSettings;
import campus.helpdesk.sla.ServiceLevels;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads demo tickets, their messages and their events into ticket-service's tables with COPY. The tables must
 * exist: ticket-service creates them (Flyway) when it first starts. Batches commit one by one over parallel
 * connections, so the change feed, and through it the analytics services, see the data arrive.
 *
 * <pre>{@code
 * SeedReport report = DemoDataLoader.load(() -> DriverManager.getConnection(url, user, password),
 *         SeedPlan.of(300, 12), (done, total) -> {});
 * }</pre>
 */
public final class DemoDataLoader {

    /** Opens a new connection; each loading thread holds its own. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    /** Told after every committed batch. */
    @FunctionalInterface
    public interface Progress {
        void update(long ticketsDone, long ticketsTotal);
    }

    /** Two streams keep both cores of a small machine busy: one generating while the other's COPY runs. */
    public static final int DEFAULT_STREAMS = 2;
    /** Each batch holds the change feed's lock while its events are written (StoryRows): a second or so, no more. */
    private static final int MAX_BATCH = 5_000;
    /** From this size on, foreign keys are checked once after the load instead of per row. */
    static final int BULK_TICKETS = 50_000;

    private DemoDataLoader() {
    }

    /** True when ticket-service's tables hold at least one ticket (deleted ones count: the ids are taken). */
    public static boolean hasTickets(Connector connector) {
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            requireSchema(s);
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM tickets)")) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DemoDataException("Cannot read the database: " + e.getMessage(), e);
        }
    }

    public static SeedReport load(Connector connector, SeedPlan plan, Progress progress) {
        return load(connector, plan, progress, DEFAULT_STREAMS);
    }

    /** With the response targets configured in this process's environment, as ticket-service reads them. */
    public static SeedReport load(Connector connector, SeedPlan plan, Progress progress, int streams) {
        return load(connector, plan, progress, streams, ServiceLevelSettings.read(System::getenv));
    }

    /** {@code levels}: the response targets the tickets are filed under (ticket-service passes its own). */
    public static SeedReport load(Connector connector, SeedPlan plan, Progress progress, int streams,
                                  ServiceLevels levels) {
        long started = System.nanoTime();
        Phases phases = new Phases();
        repairInterruptedLoad(connector);
        Ids ids = reserveIds(connector, plan.tickets());
        long firstId = ids.firstTicket();
        long[] totals;
        // Closing either restores what it suspended, also when the load fails half-way.
        try (SuspendedForeignKeys keys = plan.tickets() >= BULK_TICKETS ? SuspendedForeignKeys.suspend(connector)
                : null;
             SuspendedIndexes indexes = plan.tickets() >= BULK_TICKETS && nearlyEmpty(connector, plan.tickets())
                     ? SuspendedIndexes.suspend(connector) : null) {
            boolean rebuild = indexes != null && indexes.suspended();
            phases.end("prepare");
            StoryGenerator generator = new StoryGenerator(plan);
            totals = loadStreams(connector, generator, plan, progress, streams, ids, levels);
            StoryRows.Counts waves = loadWaves(connector, generator, plan, progress, ids, levels);
            totals[0] += waves.tickets();
            totals[1] += waves.messages();
            totals[2] += waves.events();
            phases.end(rebuild ? "COPY without the secondary indexes" : "COPY");
            if (rebuild) {
                indexes.close();
                phases.end("build " + indexes.rebuilt().size() + " indexes, " + SuspendedIndexes.PARALLEL_BUILDS
                        + " at a time (" + slowest(indexes.rebuilt()) + ")");
            }
            if (keys != null && keys.suspended()) {
                keys.close();
                phases.end("restore and validate the foreign keys");
            }
        } catch (SQLException e) {
            throw new DemoDataException("Cannot suspend or restore the indexes or foreign keys: " + e.getMessage(), e);
        }
        analyze(connector);
        phases.end("ANALYZE");
        return new SeedReport(totals[0], totals[1], totals[2], firstId, firstId + plan.tickets() - 1,
                Duration.ofNanos(System.nanoTime() - started), phases.list());
    }

    /**
     * Whether the desk holds so few tickets beside the load that building its indexes afterwards costs less than
     * keeping them up to date row by row: a tenth of the load, counted no further than that. An {@code --append} to a
     * desk already as large keeps its indexes, and its service keeps answering searches at full speed meanwhile.
     */
    private static boolean nearlyEmpty(Connector connector, int loadTickets) {
        int limit = loadTickets / 10;
        try (Connection c = connector.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM tickets LIMIT " + limit + ") t")) {
            rs.next();
            return rs.getLong(1) < limit;
        } catch (SQLException e) {
            throw new DemoDataException("Cannot count the tickets: " + e.getMessage(), e);
        }
    }

    private static String slowest(List<SuspendedIndexes.Index> built) {
        return built.stream().max(Comparator.comparing(SuspendedIndexes.Index::built))
                .map(i -> "longest " + i.name() + " " + String.format("%.1f s", i.built().toMillis() / 1000.0))
                .orElse("none");
    }

    /** Wall-clock time of each step of a load, for the report. */
    private static final class Phases {
        private final List<SeedReport.Phase> list = new ArrayList<>();
        private long since = System.nanoTime();

        void end(String name) {
            long now = System.nanoTime();
            list.add(new SeedReport.Phase(name, Duration.ofNanos(now - since)));
            since = now;
        }

        List<SeedReport.Phase> list() {
            return List.copyOf(list);
        }
    }

    /**
     * Puts back the indexes and foreign keys of a bulk load that was killed before it could (Ctrl-C, kill -9, a
     * crash): the loads before a new one and ticket-service at its start call this. Returns how many it restored.
     */
    public static int repairInterruptedLoad(Connector connector) {
        try {
            // The indexes first: validating a key reads its tables, which goes faster than building beside it.
            return SuspendedIndexes.restorePending(connector) + SuspendedForeignKeys.restorePending(connector);
        } catch (SQLException e) {
            throw new DemoDataException("Cannot restore the indexes or foreign keys of an interrupted load: "
                    + e.getMessage(), e);
        }
    }

    private static long[] loadStreams(Connector connector, StoryGenerator generator, SeedPlan plan,
                                      Progress progress, int streams, Ids ids, ServiceLevels levels) {
        // At least twenty batches per stream below the cap: progress moves in steps under a tenth, and the streams
        // finish close together.
        int batch = Math.max(100, Math.min(MAX_BATCH, generator.stories() / Math.max(1, streams * 20)));
        AtomicLong nextIndex = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long[] totals = new long[3];
        List<Future<StoryRows.Counts>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, streams))) {
            for (int i = 0; i < Math.max(1, streams); i++) {
                workers.add(pool.submit(() -> loadBatches(connector, generator, plan, ids, batch, nextIndex, done,
                        progress, levels)));
            }
            for (Future<StoryRows.Counts> worker : workers) {
                StoryRows.Counts counts = worker.get();
                totals[0] += counts.tickets();
                totals[1] += counts.messages();
                totals[2] += counts.events();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DemoDataException d ? d
                    : new DemoDataException("Loading demo data failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoDataException("Interrupted while loading demo data", e);
        }
        return totals;
    }

    private static StoryRows.Counts loadBatches(Connector connector, StoryGenerator generator, SeedPlan plan,
                                                Ids ids, int batch, AtomicLong nextIndex, AtomicLong done,
                                                Progress progress, ServiceLevels levels)
            throws SQLException, IOException {
        long tickets = 0;
        long messages = 0;
        long events = 0;
        try (Connection connection = connector.connect()) {
            // Each commit waits for the disk (one flush per batch of thousands of tickets): a batch gives its events
            // their feed positions, and a commit visible before it is durable could be lost in a crash after the
            // feed's readers had moved past its positions, which the next events would then take again.
            connection.setAutoCommit(false);
            long from;
            while ((from = nextIndex.getAndAdd(batch)) < generator.stories()) {
                long to = Math.min(generator.stories(), from + batch);
                List<TicketScript.Played> stories = new ArrayList<>((int) (to - from));
                for (long index = from; index < to; index++) {
                    stories.add(TicketScript.play(generator.generate(index), ids.firstTicket() + index,
                            ids.firstMessage() + index * Story.MAX_MESSAGES, levels));
                }
                StoryRows.Counts counts = StoryRows.write(connection, stories);
                connection.commit();
                StoryRows.announce(connection);
                tickets += counts.tickets();
                messages += counts.messages();
                events += counts.events();
                progress.update(done.addAndGet(counts.tickets()), plan.tickets());
            }
        }
        return new StoryRows.Counts(tickets, messages, events);
    }

    /**
     * The outages, after the stories, in one transaction: a wave's reports are linked to its incident, whose row must
     * be there (the same COPY) when they are checked. Its reports take the last ticket ids of the block, so unlike the
     * stories their ids do not follow their opening times.
     */
    private static StoryRows.Counts loadWaves(Connector connector, StoryGenerator generator, SeedPlan plan,
                                              Progress progress, Ids ids, ServiceLevels levels) {
        if (generator.waves().isEmpty()) {
            return new StoryRows.Counts(0, 0, 0);
        }
        List<TicketScript.Played> tickets = new ArrayList<>();
        List<WaveScript.Follower> followers = new ArrayList<>();
        for (Wave wave : generator.waves()) {
            long first = wave.incident().index();
            WaveScript.Played played = WaveScript.play(wave, ids.firstTicket() + first,
                    ids.firstMessage() + first * Story.MAX_MESSAGES, levels);
            tickets.addAll(played.tickets());
            followers.addAll(played.followers());
        }
        try (Connection connection = connector.connect()) {
            connection.setAutoCommit(false);
            StoryRows.Counts counts = StoryRows.write(connection, tickets);
            StoryRows.writeFollowers(connection, followers);
            connection.commit();
            StoryRows.announce(connection);
            progress.update(plan.tickets(), plan.tickets());
            return counts;
        } catch (SQLException | IOException e) {
            throw new DemoDataException("Cannot load the demo outages: " + e.getMessage(), e);
        }
    }

    /** The first of the reserved ticket ids, and of the message ids ({@link Story#MAX_MESSAGES} per ticket). */
    private record Ids(long firstTicket, long firstMessage) {
    }

    /**
     * Takes a block of {@code count} ticket ids from the tickets' sequence, and room for every ticket's messages
     * from the messages' one: a MESSAGE_ADDED event names its message, so the ids must be known before the COPY.
     * Message ids go by ticket index, so the data do not depend on batches or threads; the unused ones are gaps,
     * which a sequence has anyway. The table locks make concurrent inserts by a running ticket-service wait the few
     * milliseconds this takes, so no id is handed out twice.
     */
    private static Ids reserveIds(Connector connector, int count) {
        try (Connection c = connector.connect(); Statement s = c.createStatement()) {
            requireSchema(s);
            c.setAutoCommit(false);
            s.execute("LOCK TABLE tickets, ticket_message IN SHARE ROW EXCLUSIVE MODE");
            Ids ids = new Ids(reserve(s, "tickets", count), reserve(s, "ticket_message",
                    (long) count * Story.MAX_MESSAGES));
            c.commit();
            return ids;
        } catch (SQLException e) {
            throw new DemoDataException("Cannot reserve ticket ids: " + e.getMessage(), e);
        }
    }

    private static long reserve(Statement s, String table, long count) throws SQLException {
        String sequence = "pg_get_serial_sequence('" + table + "', 'id')";
        long first;
        try (ResultSet rs = s.executeQuery("SELECT nextval(" + sequence + ")")) {
            rs.next();
            first = rs.getLong(1);
        }
        s.execute("SELECT setval(" + sequence + ", " + (first + count - 1) + ")");
        return first;
    }

    private static void requireSchema(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('tickets') IS NOT NULL"
                + " AND to_regclass('ticket_event') IS NOT NULL AND to_regclass('ticket_message') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new DemoDataException("The helpdesk tables do not exist in this database yet: "
                        + "start ticket-service once (it creates them), e.g. with ./helpdesk up");
            }
        }
    }

    /** Fresh statistics, so the first searches and lists over the new data get good plans; a table per thread. */
    private static void analyze(Connector connector) {
        try {
            Parallel.run(Stream.of("tickets", "ticket_message", "ticket_event").<Parallel.Task>map(table -> () -> {
                try (Connection c = connector.connect(); Statement s = c.createStatement()) {
                    s.execute("ANALYZE " + table);
                }
            }).toList());
        } catch (SQLException e) {
            throw new DemoDataException("Loaded, but ANALYZE failed: " + e.getMessage(), e);
        }
    }
}
