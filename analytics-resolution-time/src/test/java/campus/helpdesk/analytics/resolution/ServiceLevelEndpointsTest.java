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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** first-response and sla with ticket-service unreachable: parameters are checked, answers are flagged stale. */
@MicronautTest
class ServiceLevelEndpointsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void firstResponseListsTheAskedMonthsWithNullTimesWhenNobodyReplied() {
        Map<String, Object> answer = http.toBlocking().retrieve(
                "/api/analytics/first-response?from=2026-01&to=2026-03&category=it&priority=high", Map.class);
        assertThat(answer).containsEntry("zone", "UTC").containsEntry("category", "IT")
                .containsEntry("priority", "HIGH").containsEntry("stale", true).containsKey("lagMs")
                .containsKey("asOf");
        List<Map<String, Object>> months = (List<Map<String, Object>>) answer.get("months");
        assertThat(months).extracting(m -> m.get("month")).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(months.getFirst()).containsEntry("responded", 0).containsEntry("averageHours", null)
                .containsEntry("medianHours", null).containsEntry("p90Hours", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void firstResponseGivesTheLast30DaysJudgedAtNowBeforeTheFirstBootstrap() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/first-response?priority=LOW",
                Map.class);
        assertThat(Instant.parse((String) answer.get("judgedAt"))).isBetween(before, Instant.now());
        assertThat((Map<String, Object>) answer.get("last30Days")).hasSize(2).containsEntry("responded", 0)
                .containsEntry("medianHours", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void slaListsTwelveMonthsByDefaultWithNullAttainmentWhenNothingIsJudged() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/sla", Map.class);
        assertThat(answer).containsEntry("breachedNow", 0).containsEntry("priority", null)
                .containsEntry("category", null)
                .containsEntry("stale", true).containsKey("judgedAt");
        List<Map<String, Object>> months = (List<Map<String, Object>>) answer.get("months");
        assertThat(months).hasSize(12);
        assertThat(months.getLast()).containsEntry("tickets", 0).containsEntry("firstResponseMet", 0)
                .containsEntry("firstResponseBreached", 0).containsEntry("resolutionMet", 0)
                .containsEntry("resolutionBreached", 0).containsEntry("attainment", null);
    }

    @Test
    void bothGiveCsvForTextCsv() {
        String firstResponse = http.toBlocking().retrieve(HttpRequest.GET(
                "/api/analytics/first-response?from=2026-01&to=2026-02").accept("text/csv"));
        assertThat(firstResponse.split("\r\n")).hasSize(3);
        assertThat(firstResponse).startsWith("month,responded,averageHours,medianHours,p90Hours,zone,category,"
                + "priority,asOf,lagMs,stale\r\n2026-01,0,,,,UTC,,,");
        String sla = http.toBlocking().retrieve(HttpRequest.GET(
                "/api/analytics/sla?from=2026-01&to=2026-01&category=it&priority=LOW").accept("text/csv"));
        assertThat(sla).startsWith("month,tickets,firstResponseMet,firstResponseBreached,resolutionMet,"
                + "resolutionBreached,attainment,zone,category,priority,breachedNow,judgedAt,asOf,lagMs,stale\r\n"
                + "2026-01,0,0,0,0,0,,UTC,IT,LOW,0,");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "first-response?from=2026-13            | from",
            "first-response?to=soon                 | to",
            "first-response?category=HARDWARE       | category",
            "first-response?priority=URGENT         | priority",
            "first-response?from=2026-05&to=2026-04 | from",
            "sla?from=1999-01&to=2026-01            | months",
            "sla?priority=0                         | priority",
            "sla?to=2026-1                          | to",
            "sla?category=HARDWARE                  | category",
            "sla?days=7                             | days",
            "resolution-time?priority=HIGH          | priority",
            "first-response?days=7                  | days"})
    void rejectsBadParametersWithAProblemNamingThem(String pathAndQuery, String named) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/" + pathAndQuery));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"detail\"").contains(named);
    }

    @Test
    void bothAreInTheOpenApiDocument() {
        assertThat(http.toBlocking().retrieve("/swagger/analytics-resolution-time-0.1.0.yml"))
                .contains("/api/analytics/first-response").contains("/api/analytics/sla");
    }
}
