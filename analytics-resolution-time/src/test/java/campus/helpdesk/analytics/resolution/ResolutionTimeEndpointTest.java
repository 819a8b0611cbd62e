package campus.helpdesk.analytics.resolution;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The endpoint with ticket-service unreachable: parameters are checked, answers are flagged stale. */
@MicronautTest
class ResolutionTimeEndpointTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void withoutParametersListsTheLastTwelveMonthsInUtcWithNullTimesWhenNothingClosed() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/resolution-time", Map.class);
        assertThat(answer).containsEntry("zone", "UTC").containsEntry("stale", true).containsEntry("category", null);
        List<Map<String, Object>> months = (List<Map<String, Object>>) answer.get("months");
        assertThat(months).hasSize(12);
        assertThat(months.getFirst()).containsEntry("closed", 0).containsEntry("averageHours", null)
                .containsEntry("medianHours", null).containsEntry("p90Hours", null)
                .containsEntry("medianFirstResponseHours", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void answersTheAskedMonthsAndCategory() {
        Map<String, Object> answer = http.toBlocking().retrieve(
                "/api/analytics/resolution-time?from=2025-11&to=2026-02&category=IT", Map.class);
        assertThat(answer).containsEntry("from", "2025-11").containsEntry("to", "2026-02")
                .containsEntry("category", "IT");
        assertThat((List<Map<String, Object>>) answer.get("months")).extracting(m -> m.get("month"))
                .containsExactly("2025-11", "2025-12", "2026-01", "2026-02");
    }

    @Test
    void givesTheSameAnswerAsCsvWithOneRowPerMonth() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/resolution-time?from=2026-01&to=2026-02")
                .accept("text/csv"));
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("month,closed,averageHours,medianHours,p90Hours,medianFirstResponseHours,zone,"
                + "category,asOf,lagMs,stale\r\n2026-01,0,,,,,UTC,,");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "from=2026-13            | from",
            "from=26-01              | from",
            "to=yesterday            | to",
            "from=2026-05&to=2026-04 | from",
            "from=2000-01&to=2026-01 | months",
            "category=HARDWARE       | category",
            "categroy=IT             | takes no parameter 'categroy'"})
    void rejectsBadParametersWithAProblemNamingThem(String query, String named) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/resolution-time?" + query));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"detail\"").contains(named);
    }
}
