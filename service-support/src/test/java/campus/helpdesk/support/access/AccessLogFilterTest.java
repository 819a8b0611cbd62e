package campus.helpdesk.support.access;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@Property(name = "helpdesk.access-log.enabled", value = "true")
@Property(name = "test.dependency-down", value = "true")
@Property(name = "endpoints.health.sensitive", value = "false")
class AccessLogFilterTest {

    @Inject
    @Client("/")
    HttpClient client;

    final ListAppender<ILoggingEvent> events = new ListAppender<>();
    final Logger accessLogger = (Logger) LoggerFactory.getLogger("campus.helpdesk.access");

    @BeforeEach
    void capture() {
        events.start();
        accessLogger.addAppender(events);
    }

    @AfterEach
    void release() {
        accessLogger.detachAppender(events);
    }

    @Test
    void everyRequestIsLoggedWithItsStatusAndTraceIdButWithoutItsQuery() {
        client.toBlocking().exchange(HttpRequest.GET("/trace/seen?q=private+words")
            .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThat(events.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).matches("GET /trace/seen 200 \\d+ms");
            assertThat(e.getMDCPropertyMap()).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        });
    }

    @Test
    void theLoggedStatusIsTheOneSentEvenWhenTheHealthEndpointSetsItLate() {
        var request = HttpRequest.GET("/health")
            .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var failure = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
        var sent = failure.getResponse();
        assertThat(sent.code()).isEqualTo(503);
        assertThat(sent.header("traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(events.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).matches("GET /health 503 \\d+ms"));
    }
}
