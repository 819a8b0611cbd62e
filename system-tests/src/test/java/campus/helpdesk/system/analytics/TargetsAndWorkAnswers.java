package campus.helpdesk.system.analytics;

import campus.helpdesk.launcher.Service;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static campus.helpdesk.system.analytics.TargetsAndWorkSql.plain;

/**
 * The issue-11 answers (first-response, sla, volume, workload, per-priority counts) fetched through the gateway,
 * each compared with {@link TargetsAndWorkSql}: both sides are put in the same lines. A question that depends on
 * the clock (sla, workload, first-response's last30Days) is asked of SQL at the instant the answer was judged at
 * ({@code judgedAt}) or for the days it lists.
 */
final class TargetsAndWorkAnswers {

    static final String[] CATEGORIES = {null, "FACILITY", "IT", "SERVICES"};
    static final String[] PRIORITIES = {null, "LOW", "MEDIUM", "HIGH"};
    static final List<Integer> VOLUME_DAYS = List.of(1, 30, 366);

    private TargetsAndWorkAnswers() {
    }

    static String firstResponseLine(String month, long responded, BigDecimal average, BigDecimal median,
                                     BigDecimal p90) {
        return month + " responded=" + responded + " average=" + plain(average) + " median=" + plain(median)
                + " p90=" + plain(p90);
    }

    static String last30DaysLine(long responded, BigDecimal median) {
        return "last30Days responded=" + responded + " median=" + plain(median);
    }

    static String slaLine(String month, long tickets, long firstMet, long firstBreached, long resolutionMet,
                          long resolutionBreached, BigDecimal attainment) {
        return month + " tickets=" + tickets + " firstResponse=" + firstMet + "/" + firstBreached + " resolution="
                + resolutionMet + "/" + resolutionBreached + " attainment=" + plain(attainment);
    }

    static String volumeLine(String date, long opened, long closed, long backlog) {
        return date + " opened=" + opened + " closed=" + closed + " backlog=" + backlog;
    }

    static String workloadLine(String assignee, long active, long closed, BigDecimal firstResponse,
                               BigDecimal resolution) {
        return assignee + " active=" + active + " closed30=" + closed + " firstResponseMedian=" + plain(firstResponse)
                + " resolutionMedian=" + plain(resolution);
    }

    static Answers.Pair firstResponse(Counting counting, String category, String priority) throws Exception {
        String query = (category == null ? "" : "&category=" + category) + (priority == null ? "" : "&priority=" + priority);
        JsonNode answer = Answers.get(Service.RESOLUTION_TIME, counting.ask("/api/analytics/first-response"
                + (query.isEmpty() ? "" : "?" + query.substring(1))));
        List<String> lines = new ArrayList<>();
        for (JsonNode month : answer.get("months")) {
            lines.add(firstResponseLine(month.get("month").asText(), month.get("responded").asLong(),
                    decimal(month.get("averageHours")), decimal(month.get("medianHours")),
                    decimal(month.get("p90Hours"))));
        }
        JsonNode last30Days = answer.get("last30Days");
        lines.add(last30DaysLine(last30Days.get("responded").asLong(), decimal(last30Days.get("medianHours"))));
        return new Answers.Pair(lines, TargetsAndWorkSql.firstResponse(counting,
                YearMonth.parse(answer.get("from").asText()),
                YearMonth.parse(answer.get("to").asText()), category, priority,
                Instant.parse(answer.get("judgedAt").asText())));
    }

    static Answers.Pair sla(Counting counting, String priority) throws Exception {
        JsonNode answer = Answers.get(Service.RESOLUTION_TIME, counting.ask("/api/analytics/sla"
                + (priority == null ? "" : "?priority=" + priority)));
        List<String> lines = new ArrayList<>();
        for (JsonNode month : answer.get("months")) {
            lines.add(slaLine(month.get("month").asText(), month.get("tickets").asLong(),
                    month.get("firstResponseMet").asLong(), month.get("firstResponseBreached").asLong(),
                    month.get("resolutionMet").asLong(), month.get("resolutionBreached").asLong(),
                    decimal(month.get("attainment"))));
        }
        lines.add("breachedNow=" + answer.get("breachedNow").asLong());
        return new Answers.Pair(lines, TargetsAndWorkSql.sla(counting, YearMonth.parse(answer.get("from").asText()),
                YearMonth.parse(answer.get("to").asText()), priority, Instant.parse(answer.get("judgedAt").asText())));
    }

    static Answers.Pair volume(Counting counting, int days) throws Exception {
        JsonNode answer = Answers.get(Service.OPEN_PERIOD, counting.ask("/api/analytics/volume?days=" + days));
        List<String> lines = new ArrayList<>();
        for (JsonNode day : answer.get("days")) {
            lines.add(volumeLine(day.get("date").asText(), day.get("opened").asLong(), day.get("closed").asLong(),
                    day.get("backlog").asLong()));
        }
        return new Answers.Pair(lines, TargetsAndWorkSql.volume(counting, LocalDate.parse(answer.get("from").asText()),
                LocalDate.parse(answer.get("to").asText())));
    }

    static Answers.Pair workload(Counting counting) throws Exception {
        JsonNode answer = Answers.get(Service.CATEGORY, counting.ask("/api/analytics/workload"));
        List<String> lines = new ArrayList<>();
        for (JsonNode row : answer.get("assignees")) {
            lines.add(workloadLine(row.get("assignee").asText(), row.get("active").asLong(),
                    row.get("closedLast30Days").asLong(), decimal(row.get("medianFirstResponseHours")),
                    decimal(row.get("medianResolutionHours"))));
        }
        lines.add("unassigned=" + answer.get("unassigned").asLong());
        return new Answers.Pair(lines, TargetsAndWorkSql.workload(counting,
                Instant.parse(answer.get("judgedAt").asText())));
    }

    static Answers.Pair activeByCategoryAndPriority(Counting counting) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode category : Answers.activeByCategoryJson(counting).get("categories")) {
            for (JsonNode cell : category.get("byPriority")) {
                lines.add(category.get("category").asText() + " " + cell.get("priority").asText() + " active="
                        + cell.get("active").asLong() + " open=" + cell.get("open").asLong());
            }
        }
        lines.sort(null);
        return new Answers.Pair(lines, TargetsAndWorkSql.activeByCategoryAndPriority(counting));
    }

    /** Every question of this class, counted both ways, waited for until equal; the longest wait in ms. */
    static long awaitAllEqual() throws Exception {
        long longest = 0;
        for (Counting counting : Counting.values()) {
            longest = Math.max(longest, Answers.awaitEqual("active-by-category by priority " + counting,
                    () -> activeByCategoryAndPriority(counting)));
            for (String category : CATEGORIES) {
                for (String priority : PRIORITIES) {
                    longest = Math.max(longest, Answers.awaitEqual("first-response category=" + category
                            + " priority=" + priority + " " + counting,
                            () -> firstResponse(counting, category, priority)));
                }
            }
            for (String priority : PRIORITIES) {
                longest = Math.max(longest, Answers.awaitEqual("sla priority=" + priority + " " + counting,
                        () -> sla(counting, priority)));
            }
            for (int days : VOLUME_DAYS) {
                longest = Math.max(longest, Answers.awaitEqual("volume days=" + days + " " + counting,
                        () -> volume(counting, days)));
            }
            longest = Math.max(longest, Answers.awaitEqual("workload " + counting, () -> workload(counting)));
        }
        return longest;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }
}
