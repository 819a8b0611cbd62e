package campus.helpdesk.ticket.demo;

import campus.helpdesk.demo.SeedReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Where the demo-data generation stands: IDLE (never ran), RUNNING, DONE or FAILED. */
@Serdeable
public record DemoDataStatus(String state, int tickets, int months, long done, @Nullable String requestedBy,
                             @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long messages,
                             @Nullable Long events, @Nullable Double ticketsPerSecond, @Nullable String error) {

    static DemoDataStatus idle() {
        return new DemoDataStatus("IDLE", 0, 0, 0, null, null, null, null, null, null, null);
    }

    static DemoDataStatus running(int tickets, int months, String requestedBy, Instant startedAt) {
        return new DemoDataStatus("RUNNING", tickets, months, 0, requestedBy, startedAt, null, null, null, null,
                null);
    }

    boolean running() {
        return "RUNNING".equals(state);
    }

    DemoDataStatus withDone(long ticketsDone) {
        return new DemoDataStatus(state, tickets, months, ticketsDone, requestedBy, startedAt, finishedAt, messages,
                events, ticketsPerSecond, error);
    }

    DemoDataStatus finished(SeedReport report) {
        return new DemoDataStatus("DONE", tickets, months, report.tickets(), requestedBy, startedAt, Instant.now(),
                report.messages(), report.events(), Math.round(report.ticketsPerSecond() * 10) / 10.0, null);
    }

    DemoDataStatus failed(String message, long ticketsDone) {
        return new DemoDataStatus("FAILED", tickets, months, ticketsDone, requestedBy, startedAt, Instant.now(),
                null, null, null, message);
    }
}
