package campus.helpdesk.api;

import java.time.Instant;

/**
 * The text format of {@link ChangeFeedOperations#SNAPSHOT_PATH}: a first line {@code #cursor=<cursor>}, then one
 * line per live ticket:
 * {@code id,category,status,priority,openedMillis,closedMillis,firstResponseMillis,version,firstResponseDueMillis,resolutionDueMillis,assignee}
 * with empty fields for null times and a null assignee. The assignee is the rest of the line (but an incident mark, below), so a name may hold
 * commas; a backslash and every character outside printable ASCII are written {@code \}{@code uXXXX}, which keeps a
 * line on one line and the stream ASCII. Lines of the older eight-field form (without the last three fields) are
 * still read, with nulls, so a follower can be upgraded before or after ticket-service. A ticket linked to an
 * incident ends its line with {@code \i<incidentId>} after the assignee: an older writer never writes a backslash
 * but in {@code \}{@code uXXXX}, so a line without it (every line of an older ticket-service) reads as before, with no
 * incident. A follower must be upgraded before ticket-service writes such lines (an older one refuses them, loudly).
 * The cursor is where the feed must be resumed: events after it may repeat facts already in the snapshot, which is harmless because
 * consumers replace facts by newer versions. Compact on purpose: a million tickets are ~75 MB and parse in well
 * under a second.
 */
public final class FactsSnapshot {

    public static final String CURSOR_PREFIX = "#cursor=";
    public static final String CONTENT_TYPE = "text/plain";
    private static final String INCIDENT_MARK = "\\i";

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
        out.append(',').append(facts.version()).append(',');
        appendMillis(out, facts.firstResponseDueAt());
        out.append(',');
        appendMillis(out, facts.resolutionDueAt());
        out.append(',');
        if (facts.assignee() != null) {
            appendEscaped(out, facts.assignee());
        }
        if (facts.incidentId() != null) {
            out.append(INCIDENT_MARK).append(facts.incidentId());
        }
        out.append('\n');
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
        if (at[0] >= line.length()) {
            return new TicketFacts(id, category, status, priority, opened, closed, firstResponse, version, null, null,
                    null);
        }
        Instant firstResponseDue = nextInstant(line, at);
        Instant resolutionDue = nextInstant(line, at);
        int incidentAt = line.indexOf(INCIDENT_MARK, at[0]);
        int assigneeEnd = incidentAt < 0 ? line.length() : incidentAt;
        String assignee = at[0] >= assigneeEnd ? null : unescape(line.substring(0, assigneeEnd), at[0]);
        Long incidentId = null;
        if (incidentAt >= 0) {
            int[] incidentFrom = {incidentAt + INCIDENT_MARK.length()};
            incidentId = nextLong(line, incidentFrom);
            if (incidentFrom[0] <= line.length()) {
                throw new IllegalArgumentException("Not a snapshot line: " + line);
            }
        }
        return new TicketFacts(id, category, status, priority, opened, closed, firstResponse, version, assignee,
                firstResponseDue, resolutionDue, incidentId);
    }

    private static void appendMillis(StringBuilder out, Instant instant) {
        if (instant != null) {
            out.append(instant.toEpochMilli());
        }
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append("\\u").append(String.format("%04x", (int) c));
            }
        }
    }

    private static String unescape(String line, int from) {
        StringBuilder text = new StringBuilder(line.length() - from);
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (i + 5 >= line.length() || line.charAt(i + 1) != 'u') {
                throw new IllegalArgumentException("Not a snapshot line: " + line);
            }
            try {
                text.append((char) Integer.parseInt(line, i + 2, i + 6, 16));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a snapshot line: " + line, e);
            }
            i += 5;
        }
        return text.toString();
    }

    private static Instant nextInstant(String line, int[] at) {
        if (at[0] >= line.length()) {
            throw new IllegalArgumentException("Not a snapshot line: " + line);
        }
        if (line.charAt(at[0]) == ',') {
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
