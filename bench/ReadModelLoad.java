import campus.helpdesk.api.*;
import campus.helpdesk.analytics.FactsReadModel;
import java.util.*;

/**
 * Loads N synthetic tickets (80 % CLOSED, over the last year, eight assignees, due times) through the snapshot text
 * format into one read model, three times, and prints the load time: the in-process part of a replica bootstrap;
 * then times the clock-dependent answers of that model (workload; sla and first-response over 12 months, first-response's
 * last 30 days at an instant one second later each call; volume over 366 days), p50 and p99 of 500 calls. Usage (from the repo root):
 * java -Xmx512m -cp analytics-category/target/analytics-category-0.1.0-SNAPSHOT-all.jar bench/ReadModelLoad.java 1000000 category
 * (open: analytics-open-period jar; resolution: analytics-resolution-time jar). A third argument {@code twice} loads
 * the model as the service holds it, counted twice (each ticket, an outage once: {@code CountedTwice}), and prints
 * the heap that takes.
 */
public class ReadModelLoad {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        String which = a[1];
        // build snapshot text like ticket-service would
        StringBuilder sb = new StringBuilder(n * 48);
        Random r = new Random(1);
        long now = System.currentTimeMillis();
        for (int i = 1; i <= n; i++) {
            long opened = now - (long) (r.nextDouble() * 365L * 86400000L);
            boolean closed = r.nextInt(10) < 8;
            TicketStatus st = closed ? TicketStatus.CLOSED : (r.nextBoolean() ? TicketStatus.OPEN : TicketStatus.ACTIVE);
            java.time.Instant c = closed ? java.time.Instant.ofEpochMilli(opened + r.nextInt(500_000_000)) : null;
            java.time.Instant f = st != TicketStatus.OPEN ? java.time.Instant.ofEpochMilli(opened + r.nextInt(50_000_000)) : null;
            String assignee = st == TicketStatus.OPEN ? null : "Staff member " + (int) Math.sqrt(r.nextInt(64));
            java.time.Instant o = java.time.Instant.ofEpochMilli(opened);
            FactsSnapshot.appendLine(sb, new TicketFacts(i, Category.values()[r.nextInt(3)], st,
                    Priority.values()[r.nextInt(3)], o, c, f, 3, assignee, o.plusSeconds(3600 + r.nextInt(80_000)),
                    o.plusSeconds(28_800 + r.nextInt(600_000))));
        }
        String[] lines = sb.toString().split("\n");
        for (int round = 0; round < 3; round++) {
            boolean twice = a.length > 2 && a[2].equals("twice");
            FactsReadModel m = model(which, twice ? campus.helpdesk.analytics.Incidents.EACH : null);
            campus.helpdesk.feed.ChangeListener target = twice
                    ? new campus.helpdesk.analytics.CountedTwice<>(m, model(which, campus.helpdesk.analytics.Incidents.COLLAPSE))
                    : m;
            System.gc();
            long t0 = System.nanoTime();
            target.reset();
            for (String line : lines) target.load(FactsSnapshot.parseLine(line));
            target.loaded();
            long t1 = System.nanoTime();
            Runtime rt = Runtime.getRuntime(); System.gc();
            System.out.printf("%s n=%d load %.0f ms, heap used %d MB%n", which, n, (t1 - t0) / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20);
            if (round == 2) {
                answers(m, which);
            }
        }
    }

    /** The service's model; {@code incidents} null: its plain constructor. */
    private static FactsReadModel model(String which, campus.helpdesk.analytics.Incidents incidents) throws Exception {
        String type = switch (which) {
            case "category" -> "campus.helpdesk.analytics.category.CategoryCounts";
            case "open" -> "campus.helpdesk.analytics.openperiod.UnclosedIndex";
            default -> "campus.helpdesk.analytics.resolution.ResolutionTimes";
        };
        Class<?> model = Class.forName(type);
        if (which.equals("category")) {
            return (FactsReadModel) (incidents == null ? model.getConstructor().newInstance()
                    : model.getConstructor(campus.helpdesk.analytics.Incidents.class).newInstance(incidents));
        }
        return (FactsReadModel) (incidents == null ? model.getConstructor(String.class).newInstance("UTC")
                : model.getConstructor(String.class, campus.helpdesk.analytics.Incidents.class).newInstance("UTC", incidents));
    }

    private static void answers(FactsReadModel m, String which) throws Exception {
        java.time.Instant now = java.time.Instant.now();
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        Map<String, java.util.concurrent.Callable<Object>> questions = new LinkedHashMap<>();
        Class<?> type = m.getClass();
        switch (which) {
            case "category" -> questions.put("workload", () -> type.getMethod("workload", java.time.Instant.class).invoke(m, now));
            case "open" -> questions.put("volume days=366", () -> type.getMethod("volume", java.time.LocalDate.class, int.class)
                    .invoke(m, java.time.LocalDate.now(java.time.ZoneOffset.UTC), 366));
            default -> {
                questions.put("sla 12 months", () -> type.getMethod("targets", java.time.YearMonth.class,
                        java.time.YearMonth.class, Priority.class, java.time.Instant.class).invoke(m, month.minusMonths(11), month, null, now));
                questions.put("first-response 12 months", () -> type.getMethod("firstResponses", java.time.YearMonth.class,
                        java.time.YearMonth.class, Category.class, Priority.class).invoke(m, month.minusMonths(11), month, null, null));
                // The window slides with the instant asked, as asOf moves on between answers.
                long[] tick = {0};
                questions.put("first-response last 30 days", () -> type.getMethod("firstResponsesLast30Days",
                        java.time.Instant.class, Category.class, Priority.class).invoke(m, now.plusMillis(tick[0]++ * 1000), null, null));
            }
        }
        for (Map.Entry<String, java.util.concurrent.Callable<Object>> question : questions.entrySet()) {
            long[] micros = new long[500];
            for (int i = 0; i < micros.length; i++) {
                long t0 = System.nanoTime();
                question.getValue().call();
                micros[i] = (System.nanoTime() - t0) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("%s: p50 %d µs, p99 %d µs%n", question.getKey(), micros[250], micros[494]);
        }
    }
}
