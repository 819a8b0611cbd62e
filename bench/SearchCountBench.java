import java.sql.*;
import java.util.*;
/**
 * The capped count of a text search as ticket-service's list runs it (TicketSearch), for the 16 queries of
 * SearchLoad with and without status=OPEN,ACTIVE: with the planner's own choice and with the text index as the only
 * way to the matches, one after the other for each query, so both see the same machine. The first round warms up.
 * Usage: java -cp <postgresql.jar> bench/SearchCountBench.java <JDBC URL> <user> <password> <rounds>
 */
public class SearchCountBench {
    static final String TQ = "search @@ (websearch_to_tsquery('english', ?) || websearch_to_tsquery('italian', ?)"
            + " || websearch_to_tsquery('spanish', ?) || websearch_to_tsquery('german', ?)"
            + " || websearch_to_tsquery('french', ?) || websearch_to_tsquery('simple', ?))";
    static final String[] QUERIES = {"printer", "eduroam", "Heizung", "ascensore", "impresora", "radiateur",
            "moodle", "projector room 12", "stampante guasta", "Aufzug", "imprimante", "calefacción", "toilettes",
            "zebra", "wifi", "building 17"};
    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[3]);
        try (Connection c = DriverManager.getConnection(a[0], a[1], a[2]); Statement st = c.createStatement()) {
            Map<String, List<Double>> all = new TreeMap<>();
            Map<String, List<Double>> per = new TreeMap<>();
            for (int r = 0; r < rounds; r++) {
                for (String q : QUERIES) {
                    for (boolean open : new boolean[]{false, true}) {
                        String sql = "SELECT count(*) FROM (SELECT status FROM tickets WHERE deleted_at IS NULL"
                                + (open ? " AND status IN ('OPEN', 'ACTIVE')" : "") + " AND " + TQ + " LIMIT 1000) counted";
                        for (boolean forced : new boolean[]{false, true}) {
                            if (forced) { st.execute("SET enable_seqscan = off"); st.execute("SET enable_indexscan = off"); }
                            long t = System.nanoTime();
                            try (PreparedStatement ps = c.prepareStatement(sql)) {
                                for (int i = 1; i <= 6; i++) ps.setString(i, q);
                                try (ResultSet rs = ps.executeQuery()) { rs.next(); }
                            }
                            double ms = (System.nanoTime() - t) / 1e6;
                            if (forced) { st.execute("RESET enable_seqscan"); st.execute("RESET enable_indexscan"); }
                            if (r == 0) continue; // warm-up
                            String k = forced ? "text index only" : "planner's choice";
                            all.computeIfAbsent(k, x -> new ArrayList<>()).add(ms);
                            per.computeIfAbsent(q + (open ? " (open/active)" : "") + " | " + k, x -> new ArrayList<>()).add(ms);
                        }
                    }
                }
            }
            all.forEach((k, v) -> { Collections.sort(v); System.out.printf("%-18s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", k, v.size(), v.get(v.size() / 2), v.get((int) (v.size() * 0.95)), v.get(v.size() - 1)); });
            per.forEach((k, v) -> { Collections.sort(v); System.out.printf("  %-50s median=%.1f ms%n", k, v.get(v.size() / 2)); });
        }
    }
}
