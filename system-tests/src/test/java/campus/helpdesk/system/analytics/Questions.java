package campus.helpdesk.system.analytics;

import campus.helpdesk.launcher.Service;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Each analytics question as a comparison of the service's answer with the SQL one. */
final class Questions {

    static final List<String> OPEN_PERIODS = List.of("hours=1", "hours=8760", "days=1", "days=30");

    private Questions() {
    }

    static Answers.Pair activeByCategory() throws Exception {
        return activeByCategory(Counting.EACH);
    }

    static Answers.Pair activeByCategory(Counting counting) throws Exception {
        return new Answers.Pair(Answers.activeByCategory(Answers.activeByCategoryJson(counting)),
                SqlTruth.activeByCategory(counting));
    }

    static Answers.Pair openPeriod(String period) throws Exception {
        return openPeriod(Counting.EACH, period);
    }

    static Answers.Pair openPeriod(Counting counting, String period) throws Exception {
        JsonNode answer = Answers.get(Service.OPEN_PERIOD, counting.ask("/api/analytics/open-period?" + period));
        return new Answers.Pair(Answers.openPeriod(answer),
                SqlTruth.openPeriod(counting, Instant.parse(answer.get("from").asText())));
    }

    static Answers.Pair resolutionTime(String category) throws Exception {
        return resolutionTime(Counting.EACH, category);
    }

    /** The default question (the last 12 months), or one category's. */
    static Answers.Pair resolutionTime(Counting counting, String category) throws Exception {
        JsonNode answer = Answers.get(Service.RESOLUTION_TIME, counting.ask(
                "/api/analytics/resolution-time" + (category == null ? "" : "?category=" + category)));
        return new Answers.Pair(Answers.resolutionTime(answer), SqlTruth.resolutionTime(counting,
                YearMonth.parse(answer.get("from").asText()), YearMonth.parse(answer.get("to").asText()), category));
    }

    /** The incidents of the period (hours=N or days=N) with their linked tickets. */
    static Answers.Pair incidents(String period) throws Exception {
        JsonNode answer = Answers.get(Service.OPEN_PERIOD, "/api/analytics/incidents?" + period);
        return new Answers.Pair(Answers.incidents(answer),
                SqlTruth.incidents(Instant.parse(answer.get("from").asText())));
    }

    /** Every question of the three services, counted both ways, waited for until equal; the longest wait in ms. */
    static long awaitAllEqual() throws Exception {
        long longest = 0;
        for (Counting counting : Counting.values()) {
            longest = Math.max(longest, Answers.awaitEqual("active-by-category " + counting,
                    () -> activeByCategory(counting)));
            for (String period : OPEN_PERIODS) {
                longest = Math.max(longest, Answers.awaitEqual("open-period?" + period + " " + counting,
                        () -> openPeriod(counting, period)));
            }
            for (String category : new String[]{null, "FACILITY", "IT", "SERVICES"}) {
                longest = Math.max(longest, Answers.awaitEqual("resolution-time category=" + category + " "
                        + counting, () -> resolutionTime(counting, category)));
            }
        }
        for (String period : OPEN_PERIODS) {
            longest = Math.max(longest, Answers.awaitEqual("incidents?" + period, () -> incidents(period)));
        }
        return longest;
    }
}
