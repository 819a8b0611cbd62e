package campus.helpdesk.analytics.resolution;

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
import java.util.List;
import java.util.Map;

import static campus.helpdesk.analytics.testing.LinkedTickets.publish;
import static campus.helpdesk.analytics.testing.LinkedTickets.startEmpty;
import static campus.helpdesk.analytics.testing.LinkedTickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An outage in March: the incident (open 4 h) and two linked tickets closed with it (their own 3 h and 2 h), and an
 * unrelated ticket (1 h). Each ticket counts by default; collapsed, the incident's figures stand for the group.
 */
@MicronautTest
@Property(name = "helpdesk.feed.enabled", value = "false")
class CollapsedIncidentsEndpointTest {

    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");
    private static final String MARCH = "?from=2026-03&to=2026-03";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CountedTwice<ResolutionTimes> models;

    @BeforeEach
    void anOutageClosedAtOnceAndAnUnrelatedTicket() {
        startEmpty(models);
        Instant closed = T0.plusSeconds(4 * 3600);
        publish(models,
                ticket(1, Category.IT, T0, T0.plusSeconds(1800), closed, "Sam Staff", null),
                ticket(2, Category.IT, T0.plusSeconds(3600), T0.plusSeconds(5400), closed, "Sam Staff", 1L),
                ticket(3, Category.IT, T0.plusSeconds(7200), null, closed, "Sam Staff", 1L),
                ticket(4, Category.FACILITY, T0, T0.plusSeconds(360), T0.plusSeconds(3600), "Sam Staff", null));
    }

    @Test
    void resolutionTimeCountsEachTicketItsOwnTimeByDefault() {
        assertThat(march("/api/analytics/resolution-time" + MARCH)).containsEntry("closed", 4)
                .containsEntry("medianHours", 2.0).containsEntry("p90Hours", 4.0);
    }

    @Test
    void resolutionTimeCollapsedIsTheIncidentsForTheGroup() {
        assertThat(march("/api/analytics/resolution-time" + MARCH + "&incidents=collapse")).containsEntry("closed", 2)
                .containsEntry("averageHours", 2.5).containsEntry("medianHours", 1.0).containsEntry("p90Hours", 4.0);
        assertThat(march("/api/analytics/resolution-time" + MARCH + "&category=IT&incidents=collapse"))
                .containsEntry("closed", 1).containsEntry("medianHours", 4.0);
    }

    @Test
    void firstResponseAndSlaCountTheOutageOnceWhenCollapsed() {
        assertThat(march("/api/analytics/first-response" + MARCH)).containsEntry("responded", 3);
        assertThat(march("/api/analytics/first-response" + MARCH + "&incidents=collapse"))
                .containsEntry("responded", 2).containsEntry("medianHours", 0.1);
        assertThat(march("/api/analytics/sla" + MARCH)).containsEntry("tickets", 4);
        assertThat(march("/api/analytics/sla" + MARCH + "&incidents=collapse")).containsEntry("tickets", 2);
    }

    @Test
    void collapsedAnswersKeepTheirCsvAndFreshness() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/resolution-time" + MARCH
                + "&incidents=collapse").accept("text/csv"));
        assertThat(csv).contains("asOf,lagMs,stale\r\n2026-03,2,2.5,1.0,4.0,0.1,UTC,");
        for (String answer : List.of("resolution-time", "first-response", "sla")) {
            assertThat(http.toBlocking().retrieve("/api/analytics/" + answer + MARCH + "&incidents=collapse",
                    Map.class)).as(answer).containsEntry("stale", true).containsKeys("asOf", "lagMs");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"resolution-time?incidents=once", "first-response?incidents=1", "sla?incidents=true"})
    void aBadIncidentsValueIsAProblemNamingTheParameter(String query) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/" + query));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"incidents\"");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> march(String uri) {
        Map<String, Object> answer = http.toBlocking().retrieve(uri, Map.class);
        return ((List<Map<String, Object>>) answer.get("months")).getFirst();
    }
}
