package campus.helpdesk.system.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many requests the screens make, counted by the browser itself (its resource timings) against the real suite:
 * the queue's load is its page, its counts and (folded) Mine's count unfolded, a dashboard refresh asks each
 * analytics answer once, and a burst of changes refreshes it once. The figures are printed for the record (before this count existed: 4 requests
 * per queue load, 6 per dashboard refresh and two refreshes per burst).
 */
class RequestsPerScreenTest {

    private static final int BURST = 10;
    /**
     * Active by category, the last 24 h, resolution time, first response, SLA, volume and workload (the open-period
     * panel shares the 24 h answer while it shows 24 h).
     */
    private static final int DASHBOARD_ANSWERS = 7;

    @Test
    void theQueueLoadsWithThreeRequestsAndTheDashboardAsksEachAnswerOncePerRefresh() throws Exception {
        URI gateway = TestGateway.uri();
        GatewayApi student = GatewayApi.signIn(gateway, "Count Student", "STUDENT");
        try (Browser staff = new Browser(gateway)) {
            staff.signIn("Count Staff", "STAFF");
            staff.open("#/about");
            staff.waitFor(By.cssSelector("table"));

            clearTimings(staff);
            staff.open("#/tickets");
            staff.waitUntil(d -> d.findElements(By.cssSelector(".tab .count")).size() == 3
                    && d.findElements(By.cssSelector(".results[aria-busy=false]")).size() == 1);
            List<String> queue = requests(staff, "/api/tickets");
            System.out.println("Queue load: " + queue.size() + " requests " + queue);
            // The list, its counts with linked tickets folded away, and Mine's count unfolded (Mine never folds).
            assertThat(queue).hasSize(3);
            assertThat(queue).anyMatch(r -> r.startsWith("/api/tickets?")).anyMatch(r -> r.startsWith("/api/tickets/counts"));

            clearTimings(staff);
            long opened = System.nanoTime();
            staff.open("#/dashboard");
            // Every panel has its answer (or its error) once nothing is loading any more.
            staff.waitUntil(d -> d.findElements(By.cssSelector(".panel-content .loading")).isEmpty()
                    && d.findElement(By.cssSelector("#kpi-active-now .kpi-value")).getText().matches("\\d+"));
            Thread.sleep(500);
            Map<String, Long> load = byAnswer(requests(staff, "/api/analytics/"));
            System.out.println("Dashboard load: " + load);
            assertThat(load).hasSize(DASHBOARD_ANSWERS)
                    .allSatisfy((answer, times) -> assertThat(times).as(answer).isEqualTo(1));

            clearTimings(staff);
            ExecutorService creators = Executors.newFixedThreadPool(BURST);
            try {
                for (Future<Long> created : creators.invokeAll(IntStream.range(0, BURST).<Callable<Long>>mapToObj(
                        i -> () -> student.createTicket("Burst " + i + " of requests per screen",
                                "One of a burst of new tickets, filed at once.")).toList())) {
                    created.get();
                }
            } finally {
                creators.shutdown();
            }
            Thread.sleep(2500);
            Map<String, Long> afterBurst = byAnswer(requests(staff, "/api/analytics/"));
            long refreshes = afterBurst.values().stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf("Dashboard after a burst of %d new tickets: %d refresh(es), %s%n", BURST, refreshes,
                    afterBurst);
            assertThat(afterBurst).as("each answer as often as the others").hasSize(DASHBOARD_ANSWERS)
                    .allSatisfy((answer, times) -> assertThat(times).as(answer).isEqualTo(refreshes));
            // The dashboard also refreshes every 10 s by itself, to keep its badges honest: once that may have
            // happened in the window, it may account for one more.
            boolean timerMayHaveRun = Duration.ofNanos(System.nanoTime() - opened).toMillis() >= 9_500;
            assertThat(refreshes).as("refreshes for a burst of %d events", BURST)
                    .isBetween(1L, timerMayHaveRun ? 2L : 1L);
        }
    }

    private static void clearTimings(Browser browser) {
        browser.script("performance.clearResourceTimings()");
    }

    /** The requests the page made since the timings were cleared whose path starts with {@code prefix}. */
    private static List<String> requests(Browser browser, String prefix) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) browser.script("return performance.getEntriesByType('resource')"
                + ".map(e => new URL(e.name)).map(u => u.pathname + u.search)");
        return names.stream().filter(n -> n.startsWith(prefix)).toList();
    }

    private static Map<String, Long> byAnswer(List<String> requests) {
        return requests.stream().collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
    }
}
