package campus.helpdesk.feed;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangeFeedOperations;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** An in-memory ticket-service feed: events with cursors 1..n, a snapshot at a chosen cursor, and an off switch. */
final class FakeFeed implements ChangeFeedOperations, SnapshotSource {

    private final List<ChangeEvent> events = new ArrayList<>();
    private List<TicketFacts> snapshotFacts = List.of();
    private int snapshotCursor;
    private volatile boolean down;
    volatile int calls;

    static TicketFacts facts(long id, TicketStatus status, long version) {
        return new TicketFacts(id, Category.IT, status, Priority.LOW, Instant.ofEpochMilli(1_000 * id), null, null,
                version, null, null, null);
    }

    synchronized void publish(long ticketId, TicketFacts facts) {
        String cursor = Integer.toString(events.size() + 1);
        events.add(new ChangeEvent(cursor, facts == null ? EventType.DELETED : EventType.EDITED, ticketId,
                Instant.now(), "test", false, facts));
        notifyAll();
    }

    synchronized void snapshot(List<TicketFacts> facts) {
        snapshotFacts = List.copyOf(facts);
        snapshotCursor = events.size();
    }

    void down(boolean down) {
        this.down = down;
    }

    @Override
    public synchronized ChangePage changes(@Nullable String after, @Nullable Integer limit,
                                          @Nullable Integer waitMs) {
        calls++;
        if (down) {
            throw new IllegalStateException("ticket-service is down");
        }
        int from = Integer.parseInt(after);
        long deadline = System.currentTimeMillis() + waitMs;
        while (events.size() <= from && System.currentTimeMillis() < deadline && !down) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<ChangeEvent> page = events.subList(from, Math.min(events.size(), from + limit));
        String next = page.isEmpty() ? after : page.get(page.size() - 1).cursor();
        return new ChangePage(List.copyOf(page), next, java.time.Instant.now());
    }

    @Override
    public String load(Consumer<TicketFacts> sink) throws IOException {
        if (down) {
            throw new IOException("ticket-service is down");
        }
        List<TicketFacts> facts;
        int cursor;
        synchronized (this) {
            facts = snapshotFacts;
            cursor = snapshotCursor;
        }
        facts.forEach(sink);
        return Integer.toString(cursor);
    }

    @Override
    public synchronized String headCursor() throws IOException {
        if (down) {
            throw new IOException("ticket-service is down");
        }
        return Integer.toString(events.size());
    }
}
