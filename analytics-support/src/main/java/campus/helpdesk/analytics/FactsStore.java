package campus.helpdesk.analytics;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The current facts of every live ticket, kept in primitive arrays in pages of 1024 ids (~34 bytes a ticket,
 * ~35 MB at a million, against ~200 MB as objects in a map). Ticket ids come from a sequence, so pages are
 * dense; sparse ids only cost a page each. Not thread-safe: {@link FactsReadModel} guards it.
 */
final class FactsStore {

    private static final int PAGE_BITS = 10;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final long NONE = Long.MIN_VALUE;
    private static final byte ABSENT = -1;
    private static final Category[] CATEGORIES = Category.values();
    private static final TicketStatus[] STATUSES = TicketStatus.values();
    private static final Priority[] PRIORITIES = Priority.values();

    private final Map<Long, Page> pages = new HashMap<>();
    private int size;

    private static final class Page {
        final long[] opened = new long[PAGE_SIZE];
        final long[] closed = new long[PAGE_SIZE];
        final long[] firstResponse = new long[PAGE_SIZE];
        final long[] version = new long[PAGE_SIZE];
        final byte[] status = new byte[PAGE_SIZE];
        final byte[] category = new byte[PAGE_SIZE];
        final byte[] priority = new byte[PAGE_SIZE];

        Page() {
            java.util.Arrays.fill(status, ABSENT);
        }
    }

    int size() {
        return size;
    }

    void clear() {
        pages.clear();
        size = 0;
    }

    TicketFacts get(long id) {
        Page page = pages.get(id >> PAGE_BITS);
        int at = (int) (id & (PAGE_SIZE - 1));
        if (page == null || page.status[at] == ABSENT) {
            return null;
        }
        return new TicketFacts(id, CATEGORIES[page.category[at]], STATUSES[page.status[at]],
                PRIORITIES[page.priority[at]], Instant.ofEpochMilli(page.opened[at]), instant(page.closed[at]),
                instant(page.firstResponse[at]), page.version[at], null, null, null);
    }

    void put(TicketFacts facts) {
        Page page = pages.computeIfAbsent(facts.id() >> PAGE_BITS, k -> new Page());
        int at = (int) (facts.id() & (PAGE_SIZE - 1));
        if (page.status[at] == ABSENT) {
            size++;
        }
        page.opened[at] = facts.openedAt().toEpochMilli();
        page.closed[at] = millis(facts.closedAt());
        page.firstResponse[at] = millis(facts.firstResponseAt());
        page.version[at] = facts.version();
        page.status[at] = (byte) facts.status().ordinal();
        page.category[at] = (byte) facts.category().ordinal();
        page.priority[at] = (byte) facts.priority().ordinal();
    }

    void remove(long id) {
        Page page = pages.get(id >> PAGE_BITS);
        int at = (int) (id & (PAGE_SIZE - 1));
        if (page != null && page.status[at] != ABSENT) {
            page.status[at] = ABSENT;
            size--;
        }
    }

    private static long millis(Instant instant) {
        return instant == null ? NONE : instant.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }
}
