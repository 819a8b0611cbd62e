package campus.helpdesk.support.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configures logback from the same three-line include every service uses and checks that the
 * HELPDESK_LOG_FORMAT switch picks the format, with the trace id in both.
 */
class LogFormatSwitchTest {

    static final String SERVICE_LOGBACK = """
        <configuration>
          <include resource="logback-${HELPDESK_LOG_FORMAT:-text}.xml"/>
        </configuration>
        """;

    @AfterEach
    void clear() {
        System.clearProperty("HELPDESK_LOG_FORMAT");
        MDC.clear();
    }

    @Test
    void jsonFormatWritesOneJsonObjectPerLineWithTheTraceId() throws Exception {
        System.setProperty("HELPDESK_LOG_FORMAT", "json");
        String line = logOneLine("ticket 42 closed");
        Map<String, String> fields = flatJson(line);
        assertThat(fields).containsEntry("level", "INFO")
            .containsEntry("formattedMessage", "ticket 42 closed")
            .containsEntry("mdc.traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
            .containsEntry("loggerName", "campus.helpdesk.Example");
    }

    @Test
    void textFormatIsTheDefaultAndShowsTheTraceId() throws Exception {
        String line = logOneLine("ticket 42 closed");
        assertThat(line).contains("INFO", "[4bf92f3577b34da6a3ce929d0e0e4736]", "ticket 42 closed")
            .doesNotStartWith("{");
    }

    private static String logOneLine(String message) throws Exception {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        var context = new LoggerContext();
        // A fresh context, so as not to disturb the test JVM's logging; it shares SLF4J's MDC like the real one.
        context.setMDCAdapter(MDC.getMDCAdapter());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            var configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(new java.io.ByteArrayInputStream(SERVICE_LOGBACK.getBytes(StandardCharsets.UTF_8)));
            MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            context.getLogger("campus.helpdesk.Example").info(message);
        } finally {
            context.stop();
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8).strip();
        assertThat(out.lines()).as("exactly one line was logged: %s", context.getStatusManager().getCopyOfStatusList()).hasSize(1);
        return out;
    }

    /** Parses one JSON object into dotted-path → text, so a malformed line fails the test. */
    private static Map<String, String> flatJson(String json) throws Exception {
        var fields = new HashMap<String, String>();
        try (var parser = new JsonFactory().createParser(json)) {
            var path = new java.util.ArrayDeque<String>();
            String name = null;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> name = parser.currentName();
                    case START_OBJECT -> { if (name != null) { path.addLast(name); } name = null; }
                    case END_OBJECT -> { if (!path.isEmpty()) { path.removeLast(); } }
                    default -> {
                        if (name != null && t.isScalarValue()) {
                            var prefix = path.isEmpty() ? "" : String.join(".", path) + ".";
                            fields.put(prefix + name, parser.getText());
                        }
                    }
                }
            }
        }
        return fields;
    }
}
