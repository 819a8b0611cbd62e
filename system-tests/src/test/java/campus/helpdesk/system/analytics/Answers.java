package campus.helpdesk.system.analytics;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics services' answers, fetched over HTTP and put in the same shape as {@link SqlTruth}'s. */
final class Answers {

    private Answers() {
    }

    static JsonNode get(Service service, String pathAndQuery) {
        // Through the gateway, which routes each /api/analytics/... path to its service.
        Http.Response response = Http.get(SharedSuite.uri(Service.GATEWAY).resolve(pathAndQuery));
        assertThat(response.status()).as("%s %s: %s", service, pathAndQuery, response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode activeByCategoryJson() {
        return activeByCategoryJson(Counting.EACH);
    }

    static JsonNode activeByCategoryJson(Counting counting) {
        return get(Service.CATEGORY, counting.ask("/api/analytics/active-by-category"));
    }

    static Map<String, List<Long>> activeByCategory(JsonNode answer) {
        Map<String, long[]> cells = new LinkedHashMap<>();
        for (JsonNode category : answer.get("categories")) {
            cells.put(category.get("category").asText(),
                    new long[]{category.get("active").asLong(), category.get("open").asLong()});
        }
        Map<String, List<Long>> result = withTotal(cells);
        assertThat(List.of(answer.get("total").asLong(), answer.get("openTotal").asLong()))
                .as("totals of %s", answer).isEqualTo(result.get("TOTAL"));
        return result;
    }

    static Map<String, Long> openPeriod(JsonNode answer) {
        Map<String, Long> counts = new LinkedHashMap<>();
        answer.get("byCategory").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        counts.put("unclosed", answer.get("unclosed").asLong());
        return counts;
    }

    static List<String> resolutionTime(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        for (JsonNode month : answer.get("months")) {
            lines.add(monthLine(month.get("month").asText(), month.get("closed").asLong(),
                    decimal(month.get("averageHours")), decimal(month.get("medianHours")),
                    decimal(month.get("p90Hours")), decimal(month.get("medianFirstResponseHours"))));
        }
        return lines;
    }

    static Map<String, List<Long>> withTotal(Map<String, long[]> cells) {
        Map<String, List<Long>> result = new LinkedHashMap<>();
        long total = 0;
        long openTotal = 0;
        for (Map.Entry<String, long[]> cell : cells.entrySet()) {
            result.put(cell.getKey(), List.of(cell.getValue()[0], cell.getValue()[1]));
            total += cell.getValue()[0];
            openTotal += cell.getValue()[1];
        }
        result.put("TOTAL", List.of(total, openTotal));
        return result;
    }

    static String incidentLine(long id, String category, String status, boolean closed, long linked) {
        return "#" + id + " " + category + " " + status + " " + (closed ? "closed" : "open") + " linked=" + linked;
    }

    /** The incidents answer in {@link SqlTruth#incidents} lines: by id, then the total of linked tickets. */
    static List<String> incidents(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.get("incidents").forEach(items::add);
        items.sort(Comparator.comparingLong(i -> i.get("id").asLong()));
        List<String> lines = new ArrayList<>();
        for (JsonNode i : items) {
            lines.add(incidentLine(i.get("id").asLong(), i.get("category").asText(), i.get("status").asText(),
                    i.hasNonNull("closedAt"), i.get("linked").asLong()));
        }
        lines.add("linkedTotal=" + answer.get("linkedTotal").asLong());
        return lines;
    }

    static String monthLine(String month, long closed, BigDecimal average, BigDecimal median, BigDecimal p90,
                            BigDecimal firstResponse) {
        return month + " closed=" + closed + " average=" + plain(average) + " median=" + plain(median) + " p90="
                + plain(p90) + " firstResponseMedian=" + plain(firstResponse);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Waits until a service's answer equals the SQL truth (the feed delivers within milliseconds; the limit only
     * bounds a failure), then returns how many milliseconds that took.
     */
    static long awaitEqual(String what, Comparison comparison) throws Exception {
        long started = System.nanoTime();
        long deadline = started + 15_000_000_000L;
        Pair last = null;
        while (System.nanoTime() < deadline) {
            last = comparison.get();
            if (last.actual().equals(last.expected())) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(20);
        }
        assertThat(last.actual()).as("%s: the service's answer equals the SQL one", what).isEqualTo(last.expected());
        return -1;
    }

    record Pair(Object actual, Object expected) {
    }

    /** Asks the service first, then SQL (a question like open-period depends on the answer's "from"). */
    interface Comparison {
        Pair get() throws Exception;
    }
}
