package campus.helpdesk.analytics;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The current facts of every live ticket, kept in primitive arrays in pages of 1024 ids (~44 bytes a ticket,
 * ~44 MB at a million, against ~250 MB as objects in a map). Ticket ids come from a sequence, so pages are
 * dense; sparse ids only cost a page each. The assignee is an index into a table of the few staff names; the two
 * due times are kept as milliseconds after the opening in an int (±24 days: every calendar target, and business
 * hours over a few weeks), the rare longer one in a side map; the incident a ticket is linked to costs 8 bytes more.
 * Not thread-safe: {@link FactsReadModel} guards it.
 */
final class FactsStore {

    private static final int PAGE_BITS = 10;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final long NONE = Long.MIN_VALUE;
    private static final byte ABSENT = -1;
    private static final Category[] CATEGORIES = Category.values();
    private static final TicketStatus[] STATUSES = TicketStatus.values();
    private static final Priority[] PRIORITIES = Priority.values();

    private static final int NO_DUE = Integer.MIN_VALUE;
    private static final int FAR_DUE = Integer.MAX_VALUE;

    private final Map<Long, Page> pages = new HashMap<>();
    private final Names assignees = new Names();
    /** Due times too far after the opening for an int offset, by ticket id. */
    private final Map<Long, Long> farFirstResponseDue = new HashMap<>();
    private final Map<Long, Long> farResolutionDue = new HashMap<>();
    private int size;

    private static final class Page {
        final long[] opened = new long[PAGE_SIZE];
        final long[] closed = new long[PAGE_SIZE];
        final long[] firstResponse = new long[PAGE_SIZE];
        final long[] version = new long[PAGE_SIZE];
        final byte[] status = new byte[PAGE_SIZE];
        final byte[] category = new byte[PAGE_SIZE];
        final byte[] priority = new byte[PAGE_SIZE];
        /** {@link Names} index + 1, 0 for nobody. */
        final char[] assignee = new char[PAGE_SIZE];
        final int[] firstResponseDue = new int[PAGE_SIZE];
        final int[] resolutionDue = new int[PAGE_SIZE];
        final long[] incident = new long[PAGE_SIZE];

        Page() {
            java.util.Arrays.fill(status, ABSENT);
        }
    }

    int size() {
        return size;
    }

    void clear() {
        pages.clear();
        farFirstResponseDue.clear();
        farResolutionDue.clear();
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
                instant(page.firstResponse[at]), page.version[at], assignees.name(page.assignee[at]),
                due(page.opened[at], page.firstResponseDue[at], farFirstResponseDue, id),
                due(page.opened[at], page.resolutionDue[at], farResolutionDue, id),
                page.incident[at] == NONE ? null : page.incident[at]);
    }

    boolean contains(long id) {
        Page page = pages.get(id >> PAGE_BITS);
        return page != null && page.status[(int) (id & (PAGE_SIZE - 1))] != ABSENT;
    }

    /** Every ticket held, in id order (the order a snapshot comes in). */
    void forEach(java.util.function.Consumer<TicketFacts> action) {
        for (long key : new java.util.TreeSet<>(pages.keySet())) {
            Page page = pages.get(key);
            for (int at = 0; at < PAGE_SIZE; at++) {
                if (page.status[at] != ABSENT) {
                    action.accept(get((key << PAGE_BITS) | at));
                }
            }
        }
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
        page.assignee[at] = assignees.index(facts.assignee());
        page.firstResponseDue[at] = offset(facts.openedAt(), facts.firstResponseDueAt(), farFirstResponseDue,
                facts.id());
        page.resolutionDue[at] = offset(facts.openedAt(), facts.resolutionDueAt(), farResolutionDue, facts.id());
        page.incident[at] = facts.incidentId() == null ? NONE : facts.incidentId();
    }

    void remove(long id) {
        Page page = pages.get(id >> PAGE_BITS);
        int at = (int) (id & (PAGE_SIZE - 1));
        if (page != null && page.status[at] != ABSENT) {
            page.status[at] = ABSENT;
            farFirstResponseDue.remove(id);
            farResolutionDue.remove(id);
            size--;
        }
    }

    private static int offset(Instant opened, Instant due, Map<Long, Long> far, long id) {
        far.remove(id);
        if (due == null) {
            return NO_DUE;
        }
        long offset = due.toEpochMilli() - opened.toEpochMilli();
        if (offset > NO_DUE && offset < FAR_DUE) {
            return (int) offset;
        }
        far.put(id, due.toEpochMilli());
        return FAR_DUE;
    }

    private static Instant due(long opened, int offset, Map<Long, Long> far, long id) {
        return switch (offset) {
            case NO_DUE -> null;
            case FAR_DUE -> Instant.ofEpochMilli(far.get(id));
            default -> Instant.ofEpochMilli(opened + offset);
        };
    }

    private static long millis(Instant instant) {
        return instant == null ? NONE : instant.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * The staff names seen so far, each stored once; tickets hold a name's index. Names are never forgotten (a
     * desk has a few dozen), which keeps an index valid for as long as the store lives.
     */
    private static final class Names {
        private final java.util.List<String> names = new java.util.ArrayList<>();
        private final Map<String, Character> indexes = new HashMap<>();

        char index(String name) {
            if (name == null) {
                return 0;
            }
            Character known = indexes.get(name);
            if (known != null) {
                return known;
            }
            if (names.size() >= Character.MAX_VALUE - 1) {
                throw new IllegalStateException("More than " + names.size() + " different assignees");
            }
            names.add(name);
            char index = (char) names.size();
            indexes.put(name, index);
            return index;
        }

        String name(char index) {
            return index == 0 ? null : names.get(index - 1);
        }
    }
}
