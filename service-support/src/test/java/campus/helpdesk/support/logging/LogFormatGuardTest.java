package campus.helpdesk.support.logging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatGuardTest {

    @AfterEach
    void clear() {
        System.clearProperty(LogFormatGuard.VARIABLE);
    }

    @Test
    void textJsonAndUnsetAreAccepted() {
        assertThat(LogFormatGuard.problem(null)).isNull();
        assertThat(LogFormatGuard.problem("text")).isNull();
        assertThat(LogFormatGuard.problem("json")).isNull();
    }

    @Test
    void aServiceWithAnUnknownLogFormatDoesNotStart() {
        System.setProperty(LogFormatGuard.VARIABLE, "xml");
        assertThatThrownBy(() -> ApplicationContext.run().close())
            .isInstanceOf(BeanInstantiationException.class)
            .hasStackTraceContaining("HELPDESK_LOG_FORMAT must be text or json, not 'xml'");
    }

    @Test
    void aServiceWithAKnownLogFormatStarts() {
        System.setProperty(LogFormatGuard.VARIABLE, "json");
        try (var context = ApplicationContext.run()) {
            assertThat(context.getBean(LogFormatGuard.class)).isNotNull();
        }
    }
}
