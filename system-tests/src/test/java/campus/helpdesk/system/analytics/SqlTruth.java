package campus.helpdesk.system.analytics;

import campus.helpdesk.system.SharedSuite;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three questions answered by plain SQL on the suite's database: what the analytics services must equal.
 * Deleted tickets (deleted_at set) never count; {@link Counting} says which tickets count at all. Times are taken
 * in whole milliseconds, as the change feed carries them; hours are rounded to 6 decimals, medians and p90 are
 * percentile_disc.
 */
final class SqlTruth {

    private static final String[] CATEGORIES = {"FACILITY", "IT", "SERVICES"};

    private SqlTruth() {
    }

    /** category → [active, open], plus "TOTAL" → [total, openTotal]. */
    static Map<String, List<Long>> activeByCategory(Counting counting) throws SQLException {
        Map<String, long[]> cells = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            cells.put(category, new long[2]);
        }
        query("SELECT category::text, status::text, count(*) FROM " + counting.tickets() + " WHERE deleted_at IS NULL "
                + "AND status IN ('ACTIVE', 'OPEN') GROUP BY 1, 2", rs -> {
            cells.get(rs.getString(1))[rs.getString(2).equals("ACTIVE") ? 0 : 1] = rs.getLong(3);
        });
        return Answers.withTotal(cells);
    }

    /** category → unclosed tickets opened at or after {@code from}, plus "unclosed" → the sum. */
    static Map<String, Long> openPeriod(Counting counting, Instant from) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            counts.put(category, 0L);
        }
        query("SELECT category::text, count(*) FROM " + counting.tickets() + " WHERE deleted_at IS NULL "
                        + "AND status <> 'CLOSED' AND opened_at >= ? GROUP BY 1",
                rs -> counts.put(rs.getString(1), rs.getLong(2)),
                OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        counts.put("unclosed", counts.values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }

    /** One line per month (UTC) from..to, in {@link Answers#monthLine} form; category null = all. */
    static List<String> resolutionTime(Counting counting, YearMonth from, YearMonth to, String category)
            throws SQLException {
        String onlyCategory = category == null ? "" : " AND category = '" + category + "'";
        Map<String, Object[]> closed = new HashMap<>();
        query("""
                SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*),
                       round(sum(ms) / (count(*) * 3600000.0), 6),
                       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) / 3600000.0, 6),
                       round(percentile_disc(0.9) WITHIN GROUP (ORDER BY ms) / 3600000.0, 6)
                FROM (SELECT opened_at, floor(extract(epoch FROM closed_at) * 1000)
                                        - floor(extract(epoch FROM opened_at) * 1000) AS ms
                      FROM %s
                      WHERE deleted_at IS NULL AND status = 'CLOSED' AND closed_at IS NOT NULL%s
                     ) t
                GROUP BY 1""".formatted(counting.tickets(), onlyCategory), rs -> closed.put(rs.getString(1),
                new Object[]{rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)}));
        Map<String, BigDecimal> firstResponse = new HashMap<>();
        query("""
                SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM'),
                       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) / 3600000.0, 6)
                FROM (SELECT opened_at, floor(extract(epoch FROM first_response_at) * 1000)
                                        - floor(extract(epoch FROM opened_at) * 1000) AS ms
                      FROM %s
                      WHERE deleted_at IS NULL AND first_response_at IS NOT NULL%s
                     ) t
                GROUP BY 1""".formatted(counting.tickets(), onlyCategory),
                rs -> firstResponse.put(rs.getString(1), rs.getBigDecimal(2)));
        List<String> lines = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Object[] row = closed.getOrDefault(month.toString(), new Object[]{0L, null, null, null});
            lines.add(Answers.monthLine(month.toString(), (Long) row[0], (BigDecimal) row[1], (BigDecimal) row[2],
                    (BigDecimal) row[3], firstResponse.get(month.toString())));
        }
        return lines;
    }

    /**
     * The live incidents (tickets other live tickets are linked to) opened at or after {@code from}, by id, as
     * "#id CATEGORY STATUS closed|open linked=N", then "linkedTotal=N".
     */
    static List<String> incidents(Instant from) throws SQLException {
        List<String> lines = new ArrayList<>();
        long[] total = {0};
        query("""
                SELECT i.id, i.category::text, i.status::text, i.closed_at IS NOT NULL, count(*)
                FROM tickets i JOIN tickets l ON l.incident_id = i.id AND l.id <> i.id AND l.deleted_at IS NULL
                WHERE i.deleted_at IS NULL AND i.opened_at >= ?
                GROUP BY i.id ORDER BY i.id""", rs -> {
            lines.add(Answers.incidentLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                    rs.getLong(5)));
            total[0] += rs.getLong(5);
        }, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        lines.add("linkedTotal=" + total[0]);
        return lines;
    }

    /** The number of live tickets, to see that traffic really happened. */
    static long liveTickets() throws SQLException {
        long[] count = {0};
        query("SELECT count(*) FROM tickets WHERE deleted_at IS NULL", rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** The query as {@code counting} asks it: each {@code FROM tickets} reads the tickets that count instead. */
    static void query(Counting counting, String sql, Row row, Object... parameters) throws SQLException {
        query(sql.replace("FROM tickets", "FROM " + counting.tickets()), row, parameters);
    }

    static void query(String sql, Row row, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
