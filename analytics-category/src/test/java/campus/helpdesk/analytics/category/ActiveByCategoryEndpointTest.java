package campus.helpdesk.analytics.category;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The endpoint with ticket-service unreachable: it still answers, flagged stale. */
@MicronautTest
class ActiveByCategoryEndpointTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void answersWithAllThreeCategoriesAndFlagsTheAnswerStaleWhileTicketServiceIsUnreachable() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/active-by-category", Map.class);
        assertThat((List<Map<String, Object>>) answer.get("categories"))
                .extracting(c -> c.get("category")).containsExactly("FACILITY", "IT", "SERVICES");
        assertThat(answer).containsEntry("total", 0).containsEntry("openTotal", 0).containsEntry("stale", true)
                .containsEntry("asOf", null).containsKey("lagMs");
    }

    @Test
    void givesTheSameAnswerAsCsvWhenAskedForTextCsv() {
        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/analytics/active-by-category").accept("text/csv"), String.class);
        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
        assertThat(response.body()).startsWith("category,active,open,asOf,lagMs,stale\r\nFACILITY,0,0,")
                .contains("\r\nTOTAL,0,0,").endsWith(",true\r\n");
    }

    /** Media types are case-insensitive: an upper-case Accept found the CSV route and then no writer for it (500). */
    @Test
    void anAcceptInUpperCaseGetsTheCsvToo() {
        for (String accept : new String[] {"TEXT/CSV", "Text/Csv;q=0.5, application/json;q=0.1"}) {
            HttpResponse<String> response = http.toBlocking().exchange(
                    HttpRequest.GET("/api/analytics/active-by-category").header("Accept", accept), String.class);
            assertThat(response.getContentType().orElseThrow().toString()).as(accept).startsWith("text/csv");
            assertThat(response.body()).as(accept).startsWith("category,active,open,asOf,lagMs,stale\r\n");
        }
    }

    @Test
    void healthIsDownUntilTheReadModelHasBootstrapped() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/health"));
        assertThat(e.getStatus().getCode()).isEqualTo(503);
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("changeFeed").contains("lagMs");
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        assertThat(http.toBlocking().retrieve("/swagger/analytics-category-0.1.0.yml"))
                .contains("/api/analytics/active-by-category");
        assertThat(http.toBlocking().exchange("/swagger-ui/index.html", String.class).status().getCode())
                .isEqualTo(200);
    }

    @Test
    void exposesFeedMetricsForPrometheus() {
        assertThat(http.toBlocking().retrieve("/prometheus"))
                .contains("helpdesk_feed_lag_ms").contains("helpdesk_feed_events_applied_total");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachCategoryCountsPerPriorityToo() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/active-by-category", Map.class);
        Map<String, Object> facility = ((List<Map<String, Object>>) answer.get("categories")).getFirst();
        assertThat((List<Map<String, Object>>) facility.get("byPriority")).extracting(p -> p.get("priority"))
                .containsExactly("LOW", "MEDIUM", "HIGH");
        assertThat(answer).doesNotContainKey("csvByPriority");
    }

    @Test
    void givesOneCsvRowPerCategoryAndPriorityWhenAskedByPriority() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/active-by-category?by=priority")
                .accept("text/csv"));
        assertThat(csv.split("\r\n")).hasSize(1 + 9 + 3);
        assertThat(csv).startsWith("category,priority,active,open,asOf,lagMs,stale\r\nFACILITY,LOW,0,0,")
                .contains("\r\nTOTAL,HIGH,0,0,");
    }

    @Test
    void rejectsAnUnknownBreakdownNamingTheParameter() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/active-by-category?by=colour"));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"by\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void workloadAnswersEvenWithNobodyAssignedFlaggedStale() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/workload", Map.class);
        assertThat(answer).containsEntry("unassigned", 0).containsEntry("stale", true).containsKeys("asOf", "lagMs",
                "judgedAt");
        assertThat((List<Object>) answer.get("assignees")).isEmpty();
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/workload").accept("text/csv"));
        assertThat(csv).isEqualTo("assignee,active,closedLast30Days,medianFirstResponseHours,medianResolutionHours,"
                + "unassigned,judgedAt,asOf,lagMs,stale\r\n");
    }

    @Test
    void workloadIsInTheOpenApiDocument() {
        assertThat(http.toBlocking().retrieve("/swagger/analytics-category-0.1.0.yml"))
                .contains("/api/analytics/workload");
    }
}
