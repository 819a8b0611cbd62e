package campus.helpdesk.analytics.openperiod;

import campus.helpdesk.analytics.CountedTwice;
import campus.helpdesk.api.Category;
import campus.helpdesk.feed.ChangeListener;
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
 * An outage reported three times and linked to one incident, one ticket linked to an incident the service never
 * saw, and an unrelated ticket: counted each, collapsed, and listed as the period's incidents.
 */
@MicronautTest
@Property(name = "helpdesk.feed.enabled", value = "false")
class CollapsedIncidentsEndpointTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CountedTwice<UnclosedIndex> models;

    @Inject
    List<ChangeListener> listeners;

    @BeforeEach
    void anOutageAndTwoOtherTickets() {
        startEmpty(models);
        publish(models,
                ticket(1, Category.IT, NOW.minusSeconds(3000), null, null, null, null),
                ticket(2, Category.IT, NOW.minusSeconds(2000), null, null, null, 1L),
                ticket(3, Category.IT, NOW.minusSeconds(1000), null, null, null, 1L),
                ticket(4, Category.FACILITY, NOW.minusSeconds(900), null, null, null, 99L),
                ticket(5, Category.SERVICES, NOW.minusSeconds(800), null, null, null, null),
                // an older incident of one linked ticket, outside a two-hour period
                ticket(6, Category.FACILITY, NOW.minusSeconds(3 * 86400), null, null, null, null),
                ticket(7, Category.FACILITY, NOW.minusSeconds(3 * 86400 - 60), null, null, null, 6L));
    }

    @Test
    void bothCopiesFollowTheFeedAsOneListener() {
        assertThat(listeners).containsExactly(models);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openPeriodCountsEveryTicketByDefaultAndTheOutageOnceWhenCollapsed() {
        Map<String, Object> each = http.toBlocking().retrieve("/api/analytics/open-period?hours=2", Map.class);
        assertThat(each).containsEntry("unclosed", 5);
        assertThat((Map<String, Object>) each.get("byCategory")).containsEntry("IT", 3).containsEntry("FACILITY", 1);
        Map<String, Object> collapsed = http.toBlocking().retrieve(
                "/api/analytics/open-period?hours=2&incidents=collapse", Map.class);
        assertThat(collapsed).containsEntry("unclosed", 3).containsEntry("stale", true).containsKeys("asOf", "lagMs");
        assertThat((Map<String, Object>) collapsed.get("byCategory")).containsEntry("IT", 1)
                .as("linked to an incident the service does not know: counts on its own").containsEntry("FACILITY", 1);
        assertThat(http.toBlocking().retrieve(
                HttpRequest.GET("/api/analytics/open-period?hours=2&incidents=collapse").accept("text/csv")))
                .startsWith("from,to,hours,unclosed,FACILITY,IT,SERVICES,asOf,lagMs,stale\r\n").contains(",2,3,1,1,1,");
    }

    @Test
    @SuppressWarnings("unchecked")
    void volumeCountsTheOutageOnceWhenCollapsed() {
        assertThat(opened("/api/analytics/volume?days=5")).isEqualTo(7);
        assertThat(opened("/api/analytics/volume?days=5&incidents=collapse")).isEqualTo(4);
        assertThat(opened("/api/analytics/volume?days=5&incidents=each")).isEqualTo(7);
        assertThat(http.toBlocking().retrieve(
                HttpRequest.GET("/api/analytics/volume?days=5&incidents=collapse").accept("text/csv")))
                .startsWith("date,opened,closed,backlog,zone,asOf,lagMs,stale\r\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIncidentsOfThePeriodComeLargestFirstWithTheirLinkedTickets() {
        Map<String, Object> answer = http.toBlocking().retrieve("/api/analytics/incidents?hours=2", Map.class);
        assertThat((List<Map<String, Object>>) answer.get("incidents")).singleElement()
                .satisfies(incident -> assertThat(incident).containsEntry("id", 1).containsEntry("linked", 2)
                        .containsEntry("category", "IT").containsEntry("status", "OPEN")
                        // Said, not left out: a client reading .closedAt or .incidents finds them on any answer.
                        .containsEntry("closedAt", null));
        assertThat(answer).containsEntry("linkedTotal", 2).containsEntry("hours", 2).containsEntry("stale", true)
                .containsKeys("asOf", "lagMs", "from", "to");

        Map<String, Object> week = http.toBlocking().retrieve("/api/analytics/incidents?days=7", Map.class);
        assertThat((List<Map<String, Object>>) week.get("incidents")).extracting(i -> i.get("id"))
                .containsExactly(1, 6);
    }

    @Test
    void theIncidentsGiveOneCsvRowEach() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/incidents?days=7").accept("text/csv"));
        String[] rows = csv.split("\r\n");
        assertThat(rows[0]).isEqualTo("id,category,status,openedAt,closedAt,linked,from,to,hours,asOf,lagMs,stale");
        assertThat(rows).hasSize(3);
        assertThat(rows[1]).startsWith("1,IT,OPEN,").contains(",,2,");
    }

    @Test
    void unlinkingATicketMakesItCountOnItsOwnAgain() {
        publish(models, ticket(3, Category.IT, NOW.minusSeconds(1000), null, null, null, null));
        assertThat(http.toBlocking().retrieve("/api/analytics/open-period?hours=2&incidents=collapse", Map.class))
                .containsEntry("unclosed", 4);
        assertThat(http.toBlocking().retrieve("/api/analytics/incidents?hours=2", Map.class))
                .containsEntry("linkedTotal", 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/analytics/open-period?hours=2&incidents=once",
            "/api/analytics/volume?incidents=COLLAPSED", "/api/analytics/volume?incidents=%00"})
    void aBadIncidentsValueIsAProblemNamingTheParameter(String uri) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(uri));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"incidents\"");
    }

    @ParameterizedTest(name = "incidents?{0} → 400")
    @ValueSource(strings = {"", "hours=0", "days=366", "hours=1&days=1", "days=x"})
    void theIncidentsRejectABadPeriod(String query) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/api/analytics/incidents?" + query));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private int opened(String uri) {
        Map<String, Object> answer = http.toBlocking().retrieve(uri, Map.class);
        return ((List<Map<String, Object>>) answer.get("days")).stream()
                .mapToInt(day -> (Integer) day.get("opened")).sum();
    }
}
