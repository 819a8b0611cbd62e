package campus.helpdesk.api;

import java.time.Instant;

/**
 * The text format of {@link ChangeFeedOperations#SNAPSHOT_PATH}: a first line {@code #cursor=<cursor>}, then one
 * line per live ticket: {@code id,category,status,priority,openedMillis,closedMillis,firstResponseMillis,version}
 * with empty fields for null times. The cursor is where the feed must be resumed: events after it may repeat
 * facts already in the snapshot, which is harmless because consumers replace facts by newer versions.
 * Compact on purpose: a million tickets are ~45 MB and parse in well under a second.
 */
public final class FactsSnapshot {

    public static final String CURSOR_PREFIX = "#cursor=";
    public static final String CONTENT_TYPE = "text/plain";

    private static final Category[] CATEGORIES = Category.values();
    private static final TicketStatus[] STATUSES = TicketStatus.values();
    private static final Priority[] PRIORITIES = Priority.values();

    private FactsSnapshot() {
    }

    public static String cursorLine(String cursor) {
        return CURSOR_PREFIX + cursor + "\n";
    }

    public static void appendLine(StringBuilder out, TicketFacts facts) {
        out.append(facts.id()).append(',')
                .append(facts.category().ordinal()).append(',')
                .append(facts.status().ordinal()).append(',')
                .append(facts.priority().ordinal()).append(',')
                .append(facts.openedAt().toEpochMilli()).append(',');
        appendMillis(out, facts.closedAt());
        out.append(',');
        appendMillis(out, facts.firstResponseAt());
        out.append(',').append(facts.version()).append('\n');
    }

    /** Parses one line written by {@link #appendLine}, without its line break. */
    public static TicketFacts parseLine(String line) {
        int[] at = {0};
        long id = nextLong(line, at);
        Category category = CATEGORIES[(int) nextLong(line, at)];
        TicketStatus status = STATUSES[(int) nextLong(line, at)];
        Priority priority = PRIORITIES[(int) nextLong(line, at)];
        Instant opened = Instant.ofEpochMilli(nextLong(line, at));
        Instant closed = nextInstant(line, at);
        Instant firstResponse = nextInstant(line, at);
        long version = nextLong(line, at);
        return new TicketFacts(id, category, status, priority, opened, closed, firstResponse, version, null, null, null);
    }

    private static void appendMillis(StringBuilder out, Instant instant) {
        if (instant != null) {
            out.append(instant.toEpochMilli());
        }
    }

    private static Instant nextInstant(String line, int[] at) {
        if (at[0] < line.length() && line.charAt(at[0]) == ',') {
            at[0]++;
            return null;
        }
        return Instant.ofEpochMilli(nextLong(line, at));
    }

    private static long nextLong(String line, int[] at) {
        int i = at[0];
        boolean negative = i < line.length() && line.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int start = i;
        while (i < line.length() && line.charAt(i) != ',') {
            char c = line.charAt(i++);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Not a snapshot line: " + line);
            }
            value = value * 10 + (c - '0');
        }
        if (i == start) {
            throw new IllegalArgumentException("Not a snapshot line: " + line);
        }
        at[0] = i + 1;
        return negative ? -value : value;
    }
}
