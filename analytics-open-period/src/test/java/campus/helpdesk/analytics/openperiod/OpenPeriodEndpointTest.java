package campus.helpdesk.analytics.openperiod;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The endpoint with ticket-service unreachable: parameters are checked, answers are flagged stale. */
@MicronautTest
class OpenPeriodEndpointTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void answersTheLastNDaysWithAllThreeCategoriesFlaggedStale() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/open-period?days=7", Map.class);
        assertThat(answer).containsEntry("hours", 168).containsEntry("unclosed", 0).containsEntry("stale", true)
                .containsKeys("asOf", "lagMs");
        assertThat((Map<String, Object>) answer.get("byCategory")).containsOnlyKeys("FACILITY", "IT", "SERVICES");
        Instant from = Instant.parse((String) answer.get("from"));
        Instant to = Instant.parse((String) answer.get("to"));
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void givesTheSameAnswerAsCsv() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/open-period?hours=5")
                .accept("text/csv"));
        assertThat(csv).startsWith("from,to,hours,unclosed,FACILITY,IT,SERVICES,asOf,lagMs,stale\r\n")
                .contains(",5,0,0,0,0,");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "                  | hours",
            "hours=0           | hours",
            "hours=8761        | hours",
            "hours=abc         | hours",
            "hours=1.5         | hours",
            "days=0            | days",
            "days=366          | days",
            "days=-1           | days",
            "hours=2&days=1    | exactly one",
            "hours=99999999999 | hours"})
    void rejectsBadPeriodsWithAProblemNamingTheParameter(String query, String named) {
        String uri = "/api/analytics/open-period" + (query == null ? "" : "?" + query);
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(uri));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow())
                .contains("\"status\":400").contains("\"detail\"").contains(named);
    }

    @Test
    void aBadParameterIsNamedInFieldAsEveryServiceNamesBadInput() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/open-period?days=366"));
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"days\"")
                .doesNotContain("\"parameter\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void volumeListsThirtyDaysEndingTodayByDefaultOldestFirst() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/volume", Map.class);
        java.util.List<Map<String, Object>> days = (java.util.List<Map<String, Object>>) answer.get("days");
        assertThat(days).hasSize(30);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(days.getLast()).containsEntry("date", today.toString()).containsEntry("opened", 0)
                .containsEntry("closed", 0).containsEntry("backlog", 0);
        assertThat(days.getFirst()).containsEntry("date", today.minusDays(29).toString());
        assertThat(answer).containsEntry("zone", "UTC").containsEntry("stale", true).containsKeys("asOf", "lagMs");
    }

    @Test
    void volumeGivesCsvWithOneRowPerDay() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/volume?days=2").accept("text/csv"));
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("date,opened,closed,backlog,zone,asOf,lagMs,stale\r\n");
    }

    @ParameterizedTest(name = "volume?{0} → 400")
    @CsvSource({"days=0", "days=367", "days=week", "days=1.5"})
    void volumeRejectsBadDaysNamingTheParameter(String query) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/volume?" + query));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("days").contains("366");
    }

    @Test
    void volumeIsInTheOpenApiDocument() {
        assertThat(http.toBlocking().retrieve("/swagger/analytics-open-period-0.1.0.yml"))
                .contains("/api/analytics/volume");
    }
}
