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
        return new Answers.Pair(Answers.activeByCategory(Answers.activeByCategoryJson()), SqlTruth.activeByCategory());
    }

    static Answers.Pair openPeriod(String period) throws Exception {
        JsonNode answer = Answers.get(Service.OPEN_PERIOD, "/api/analytics/open-period?" + period);
        return new Answers.Pair(Answers.openPeriod(answer),
                SqlTruth.openPeriod(Instant.parse(answer.get("from").asText())));
    }

    /** The default question (the last 12 months), or one category's. */
    static Answers.Pair resolutionTime(String category) throws Exception {
        JsonNode answer = Answers.get(Service.RESOLUTION_TIME,
                "/api/analytics/resolution-time" + (category == null ? "" : "?category=" + category));
        return new Answers.Pair(Answers.resolutionTime(answer), SqlTruth.resolutionTime(
                YearMonth.parse(answer.get("from").asText()), YearMonth.parse(answer.get("to").asText()), category));
    }

    /** Every question of the three services, waited for until equal; returns the longest wait in ms. */
    static long awaitAllEqual() throws Exception {
        long longest = Answers.awaitEqual("active-by-category", Questions::activeByCategory);
        for (String period : OPEN_PERIODS) {
            longest = Math.max(longest, Answers.awaitEqual("open-period?" + period, () -> openPeriod(period)));
        }
        for (String category : new String[]{null, "FACILITY", "IT", "SERVICES"}) {
            longest = Math.max(longest, Answers.awaitEqual("resolution-time category=" + category,
                    () -> resolutionTime(category)));
        }
        return longest;
    }
}
