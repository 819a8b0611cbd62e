package campus.helpdesk.ticket.demo;

import campus.helpdesk.demo.DemoDataLoader;
import campus.helpdesk.demo.SeedPlan;
import campus.helpdesk.demo.SeedReport;
import campus.helpdesk.sla.ServiceLevels;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Generates demo tickets in the background (a million take about a minute and a half, far longer than an HTTP
 * request should hang), one run at a time; the status says how far it got.
 */
@Singleton
public class DemoDataJob {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataJob.class);

    private final Database database;
    private final ServiceLevels levels;
    private final AtomicReference<DemoDataStatus> status = new AtomicReference<>(DemoDataStatus.idle());
    private final AtomicLong done = new AtomicLong();

    public DemoDataJob(Database database, ServiceLevels levels) {
        this.database = database;
        this.levels = levels;
    }

    public DemoDataStatus status() {
        DemoDataStatus current = status.get();
        return current.running() ? current.withDone(done.get()) : current;
    }

    /** Starts a run, or refuses: one is already running, or the database holds tickets and append is false. */
    public synchronized DemoDataStatus start(SeedPlan plan, boolean append, String requestedBy) {
        if (status.get().running()) {
            throw Problems.conflict("Demo data is already being generated; GET /api/admin/demo-data shows progress");
        }
        // The request's own look waits for locks no longer than any request; the load itself as long as it must.
        DemoDataLoader.Connector connector = database::borrowPatient;
        if (!append && DemoDataLoader.hasTickets(database::borrow)) {
            throw Problems.of(HttpStatus.CONFLICT,
                    "The database already holds tickets: send \"append\": true to add demo tickets to them");
        }
        done.set(0);
        DemoDataStatus running = DemoDataStatus.running(plan.tickets(), plan.months(), requestedBy, Instant.now());
        status.set(running);
        Thread.ofPlatform().name("demo-data").daemon().start(() -> run(connector, plan, running));
        return running;
    }

    private void run(DemoDataLoader.Connector connector, SeedPlan plan, DemoDataStatus running) {
        try {
            SeedReport report = DemoDataLoader.load(connector, plan, (ticketsDone, total) -> done.set(ticketsDone),
                    DemoDataLoader.DEFAULT_STREAMS, levels);
            LOG.info("Demo data: {} tickets, {} messages, {} events in {}", report.tickets(), report.messages(),
                    report.events(), report.duration());
            status.set(running.finished(report));
        } catch (RuntimeException e) { // a background thread: every failure must end up in the status
            LOG.warn("Demo data generation failed", e);
            status.set(running.failed(e.getMessage(), done.get()));
        }
    }
}
