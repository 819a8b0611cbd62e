package campus.helpdesk.system.analytics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The issue-11 questions answered by plain SQL on the tickets table's own columns (first_response_due_at,
 * resolution_due_at, assignee, first_response_at, closed_at, opened_at): what first-response, sla, volume, workload
 * and the per-priority counts must equal. As in {@link SqlTruth}: deleted tickets never count, times are compared in
 * whole milliseconds (floor(epoch × 1000)) as the feed carries them, months and days are taken in UTC (the suite's
 * HELPDESK_ZONE), hours are rounded to 6 decimals and medians are percentile_disc. Every {@code FROM tickets} reads
 * the tickets that count as {@link Counting} says. Each answer is put in the shape of
 * {@link TargetsAndWorkAnswers}'s lines.
 */
final class TargetsAndWorkSql {

    private static final String MS = "floor(extract(epoch FROM %s) * 1000)";
    /** A first response as service-levels counts it: the first staff reply, else the closing of a CLOSED ticket. */
    private static final String RESPONDED = "coalesce(" + ms("first_response_at") + ", CASE WHEN status = 'CLOSED' "
            + "THEN " + ms("closed_at") + " END)";
    private static final String CLOSED = "CASE WHEN status = 'CLOSED' THEN " + ms("closed_at") + " END";

    private TargetsAndWorkSql() {
    }

    private static String ms(String column) {
        return MS.formatted(column);
    }

    private static String only(String column, String value) {
        return value == null ? "" : " AND " + column + " = '" + value + "'";
    }

    /**
     * Per month from..to: responded, average, median and p90 hours of first reply − opened; then the replies given
     * in the 30 days up to {@code at} (first reply after at − 30 days), whatever month the ticket was opened in.
     */
    static List<String> firstResponse(Counting counting, YearMonth from, YearMonth to, String category,
                                      String priority, Instant at) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        SqlTruth.query(counting, """
                SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*),
                       round(sum(ms) / (count(*) * 3600000.0), 6),
                       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) / 3600000.0, 6),
                       round(percentile_disc(0.9) WITHIN GROUP (ORDER BY ms) / 3600000.0, 6)
                FROM (SELECT opened_at, %s - %s AS ms FROM tickets
                      WHERE deleted_at IS NULL AND first_response_at IS NOT NULL%s%s) t
                GROUP BY 1""".formatted(ms("first_response_at"), ms("opened_at"), only("category", category),
                only("priority", priority)), rs -> rows.put(rs.getString(1), TargetsAndWorkAnswers.firstResponseLine(
                rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5))));
        List<String> lines = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            lines.add(rows.getOrDefault(month.toString(),
                    TargetsAndWorkAnswers.firstResponseLine(month.toString(), 0, null, null, null)));
        }
        long since = at.toEpochMilli() - 30L * 24 * 3_600_000;
        SqlTruth.query(counting, """
                SELECT count(*), round(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) / 3600000.0, 6)
                FROM (SELECT %1$s - %2$s AS ms FROM tickets
                      WHERE deleted_at IS NULL AND first_response_at IS NOT NULL AND %1$s > %3$d%4$s%5$s) t"""
                .formatted(ms("first_response_at"), ms("opened_at"), since, only("category", category),
                        only("priority", priority)),
                rs -> lines.add(TargetsAndWorkAnswers.last30DaysLine(rs.getLong(1), rs.getBigDecimal(2))));
        return lines;
    }

    /** Per month from..to the targets judged at {@code at}, then "breachedNow=N". */
    static List<String> sla(Counting counting, YearMonth from, YearMonth to, String priority, Instant at)
            throws SQLException {
        long now = at.toEpochMilli();
        String firstMet = "first_response_due_at IS NOT NULL AND %1$s IS NOT NULL AND %1$s <= %2$s"
                .formatted(RESPONDED, ms("first_response_due_at"));
        String firstBreached = ("first_response_due_at IS NOT NULL AND (%1$s > %2$s OR (%1$s IS NULL AND %2$s < "
                + now + "))").formatted(RESPONDED, ms("first_response_due_at"));
        String resolutionMet = "resolution_due_at IS NOT NULL AND %1$s IS NOT NULL AND %1$s <= %2$s"
                .formatted(CLOSED, ms("resolution_due_at"));
        String resolutionBreached = ("resolution_due_at IS NOT NULL AND (%1$s > %2$s OR (%1$s IS NULL AND %2$s < "
                + now + "))").formatted(CLOSED, ms("resolution_due_at"));
        Map<String, String> rows = new HashMap<>();
        SqlTruth.query(counting, """
                SELECT month, tickets, fm, fb, rm, rb, round((fm + rm)::numeric / nullif(fm + fb + rm + rb, 0), 6)
                FROM (SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS tickets,
                             count(*) FILTER (WHERE %s) AS fm, count(*) FILTER (WHERE %s) AS fb,
                             count(*) FILTER (WHERE %s) AS rm, count(*) FILTER (WHERE %s) AS rb
                      FROM tickets WHERE deleted_at IS NULL%s GROUP BY 1) t""".formatted(firstMet, firstBreached,
                        resolutionMet, resolutionBreached, only("priority", priority)),
                rs -> rows.put(rs.getString(1), TargetsAndWorkAnswers.slaLine(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7))));
        List<String> lines = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            lines.add(rows.getOrDefault(month.toString(),
                    TargetsAndWorkAnswers.slaLine(month.toString(), 0, 0, 0, 0, 0, null)));
        }
        long[] breachedNow = {0};
        SqlTruth.query(counting, ("SELECT count(*) FROM tickets WHERE deleted_at IS NULL AND status <> 'CLOSED' "
                        + "AND ((%s) OR (%s))").formatted(firstBreached, resolutionBreached) + only("priority", priority),
                rs -> breachedNow[0] = rs.getLong(1));
        lines.add("breachedNow=" + breachedNow[0]);
        return lines;
    }

    /** Per day first..last (UTC): opened, closed, backlog at the end of the day. */
    static List<String> volume(Counting counting, LocalDate first, LocalDate last) throws SQLException {
        List<String> lines = new ArrayList<>();
        SqlTruth.query(counting, """
                WITH days AS (SELECT CAST(? AS date) + i AS day FROM generate_series(0, ?) AS i)
                SELECT day,
                       (SELECT count(*) FROM tickets WHERE deleted_at IS NULL
                           AND (opened_at AT TIME ZONE 'UTC')::date = day),
                       (SELECT count(*) FROM tickets WHERE deleted_at IS NULL AND status = 'CLOSED'
                           AND (closed_at AT TIME ZONE 'UTC')::date = day),
                       (SELECT count(*) FROM tickets WHERE deleted_at IS NULL
                           AND (opened_at AT TIME ZONE 'UTC')::date <= day
                           AND NOT (status = 'CLOSED' AND (closed_at AT TIME ZONE 'UTC')::date <= day))
                FROM days ORDER BY day""", rs -> lines.add(TargetsAndWorkAnswers.volumeLine(rs.getString(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4))), first.toString(),
                (int) (last.toEpochDay() - first.toEpochDay()));
        return lines;
    }

    /** Per assignee by name, judged at {@code at}, then "unassigned=N". */
    static List<String> workload(Counting counting, Instant at) throws SQLException {
        long since = at.toEpochMilli() - 30L * 24 * 3_600_000;
        Map<String, String> rows = new TreeMap<>();
        SqlTruth.query(counting, """
                SELECT assignee,
                       count(*) FILTER (WHERE status = 'ACTIVE'),
                       count(*) FILTER (WHERE recent),
                       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY first_ms)
                             FILTER (WHERE recent AND first_ms IS NOT NULL) / 3600000.0, 6),
                       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY closed_ms) FILTER (WHERE recent) / 3600000.0, 6)
                FROM (SELECT assignee, status,
                             status = 'CLOSED' AND %1$s >= %2$d AS recent,
                             %3$s - %4$s AS first_ms, %1$s - %4$s AS closed_ms
                      FROM tickets WHERE deleted_at IS NULL AND assignee IS NOT NULL) t
                GROUP BY assignee
                HAVING count(*) FILTER (WHERE status = 'ACTIVE') > 0 OR count(*) FILTER (WHERE recent) > 0"""
                .formatted(ms("closed_at"), since, ms("first_response_at"), ms("opened_at")),
                rs -> rows.put(rs.getString(1), TargetsAndWorkAnswers.workloadLine(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5))));
        List<String> lines = new ArrayList<>(rows.values());
        long[] unassigned = {0};
        SqlTruth.query(counting, "SELECT count(*) FROM tickets WHERE deleted_at IS NULL "
                + "AND status IN ('OPEN', 'ACTIVE') AND assignee IS NULL", rs -> unassigned[0] = rs.getLong(1));
        lines.add("unassigned=" + unassigned[0]);
        return lines;
    }

    /** "CATEGORY PRIORITY active=N open=M" for every category × priority. */
    static List<String> activeByCategoryAndPriority(Counting counting) throws SQLException {
        Map<String, long[]> cells = new TreeMap<>();
        for (String category : new String[]{"FACILITY", "IT", "SERVICES"}) {
            for (String priority : new String[]{"LOW", "MEDIUM", "HIGH"}) {
                cells.put(category + " " + priority, new long[2]);
            }
        }
        SqlTruth.query(counting, "SELECT category::text, priority::text, status::text, count(*) FROM tickets "
                + "WHERE deleted_at IS NULL AND status IN ('ACTIVE', 'OPEN') GROUP BY 1, 2, 3", rs -> cells.get(
                rs.getString(1) + " " + rs.getString(2))[rs.getString(3).equals("ACTIVE") ? 0 : 1] = rs.getLong(4));
        List<String> lines = new ArrayList<>();
        cells.forEach((cell, counts) -> lines.add(cell + " active=" + counts[0] + " open=" + counts[1]));
        return lines;
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
