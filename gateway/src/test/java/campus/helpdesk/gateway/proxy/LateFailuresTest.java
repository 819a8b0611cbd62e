package campus.helpdesk.gateway.proxy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.client.exceptions.HttpClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/** A reset that arrives after the 504 was sent is one INFO line, not an ERROR with its stack trace. */
class LateFailuresTest {

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private LateFailures lateFailures;

    @BeforeEach
    void capture() {
        events.start();
        root.addAppender(events);
        lateFailures = new LateFailures();
    }

    @AfterEach
    void release() {
        lateFailures.close();
        root.detachAppender(events);
    }

    @Test
    void aFailureDroppedAfterItsRequestWasAnsweredIsOneInfoLine() {
        Operators.onErrorDropped(new HttpClientException("Error occurred reading HTTP response: Connection reset"),
                Context.empty());

        assertThat(events.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).contains("Connection reset");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }
}
