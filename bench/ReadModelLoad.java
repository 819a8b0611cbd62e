import campus.helpdesk.api.*;
import campus.helpdesk.analytics.FactsReadModel;
import java.util.*;

/**
 * Loads N synthetic tickets (80 % CLOSED, over the last year) through the snapshot text format into one read model,
 * three times, and prints the load time: the in-process part of a replica bootstrap. Usage (from the repo root):
 * java -Xmx512m -cp analytics-category/target/analytics-category-0.1.0-SNAPSHOT-all.jar bench/ReadModelLoad.java 1000000 category
 * (open: analytics-open-period jar; resolution: analytics-resolution-time jar)
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
            FactsSnapshot.appendLine(sb, new TicketFacts(i, Category.values()[r.nextInt(3)], st, Priority.LOW,
                    java.time.Instant.ofEpochMilli(opened), c, f, 3, null, null, null));
        }
        String[] lines = sb.toString().split("\n");
        for (int round = 0; round < 3; round++) {
            FactsReadModel m = switch (which) {
                case "category" -> (FactsReadModel) Class.forName("campus.helpdesk.analytics.category.CategoryCounts").getConstructor().newInstance();
                case "open" -> (FactsReadModel) Class.forName("campus.helpdesk.analytics.openperiod.UnclosedIndex").getConstructor().newInstance();
                default -> (FactsReadModel) Class.forName("campus.helpdesk.analytics.resolution.ResolutionTimes").getConstructor(String.class).newInstance("UTC");
            };
            System.gc();
            long t0 = System.nanoTime();
            m.reset();
            for (String line : lines) m.load(FactsSnapshot.parseLine(line));
            m.loaded();
            long t1 = System.nanoTime();
            Runtime rt = Runtime.getRuntime(); System.gc();
            System.out.printf("%s n=%d load %.0f ms, heap used %d MB%n", which, n, (t1 - t0) / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
