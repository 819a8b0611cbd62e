package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.api.Category;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static campus.helpdesk.analytics.testing.LinkedTickets.publish;
import static campus.helpdesk.analytics.testing.LinkedTickets.startEmpty;
import static campus.helpdesk.analytics.testing.LinkedTickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An outage being worked on (the incident and two linked tickets, all ACTIVE with one staff member), an outage closed
 * yesterday (incident and one linked ticket), and an unrelated OPEN ticket: counted each and collapsed.
 */
@MicronautTest
@Property(name = "helpdesk.feed.enabled", value = "false")
class CollapsedIncidentsEndpointTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CountedTwice<CategoryCounts> models;

    @BeforeEach
    void twoOutagesAndAnUnrelatedTicket() {
        startEmpty(models);
        Instant yesterday = NOW.minusSeconds(86400);
        publish(models,
                ticket(1, Category.IT, NOW.minusSeconds(3600), null, null, "Sam Staff", null),
                ticket(2, Category.IT, NOW.minusSeconds(3000), null, null, "Sam Staff", 1L),
                ticket(3, Category.IT, NOW.minusSeconds(2000), null, null, "Sam Staff", 1L),
                ticket(4, Category.FACILITY, NOW.minusSeconds(1000), null, null, null, null),
                ticket(5, Category.FACILITY, yesterday.minusSeconds(7200), null, yesterday, "Sam Staff", null),
                ticket(6, Category.FACILITY, yesterday.minusSeconds(3600), null, yesterday, "Sam Staff", 5L));
    }

    @Test
    void activeByCategoryCountsTheOutageOnceWhenCollapsed() {
        assertThat(http.toBlocking().retrieve("/api/analytics/active-by-category", Map.class))
                .containsEntry("total", 3).containsEntry("openTotal", 1);
        assertThat(http.toBlocking().retrieve("/api/analytics/active-by-category?incidents=collapse", Map.class))
                .containsEntry("total", 1).containsEntry("openTotal", 1).containsEntry("stale", true)
                .containsKeys("asOf", "lagMs");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET(
                "/api/analytics/active-by-category?incidents=collapse").accept("text/csv")))
                .startsWith("category,active,open,asOf,lagMs,stale\r\n").contains("\r\nIT,1,0,")
                .contains("\r\nTOTAL,1,1,");
    }

    @Test
    @SuppressWarnings("unchecked")
    void workloadCountsTheOutageOnceWhenCollapsed() {
        Map<String, Object> each = ((List<Map<String, Object>>) http.toBlocking()
                .retrieve("/api/analytics/workload", Map.class).get("assignees")).getFirst();
        assertThat(each).containsEntry("assignee", "Sam Staff").containsEntry("active", 3)
                .containsEntry("closedLast30Days", 2);
        Map<String, Object> collapsed = ((List<Map<String, Object>>) http.toBlocking()
                .retrieve("/api/analytics/workload?incidents=collapse", Map.class).get("assignees")).getFirst();
        assertThat(collapsed).containsEntry("active", 1).containsEntry("closedLast30Days", 1)
                .containsEntry("medianResolutionHours", 2.0);
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/workload?incidents=collapse")
                .accept("text/csv"))).contains("\r\nSam Staff,1,1,");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"active-by-category?incidents=once", "workload?incidents=yes",
            "active-by-category?by=priority&incidents=%20x"})
    void aBadIncidentsValueIsAProblemNamingTheParameter(String query) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/" + query));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"incidents\"");
    }
}
