package campus.helpdesk.support.logging;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;

import java.util.Set;

/**
 * Stops a service whose {@code HELPDESK_LOG_FORMAT} names no log format. Its logback.xml includes
 * {@code logback-<format>.xml}; for an unknown format logback finds nothing to include and the service would run
 * without writing a single log line. Logging is what is broken, so the reason goes to stderr directly.
 */
@Context
public class LogFormatGuard {

    static final String VARIABLE = "HELPDESK_LOG_FORMAT";
    static final Set<String> FORMATS = Set.of("text", "json");

    @PostConstruct
    void check() {
        // Logback reads system properties before environment variables; so does this check.
        String value = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        String problem = problem(value);
        if (problem != null) {
            System.err.println(problem);
            throw new ConfigurationException(problem);
        }
    }

    /** Null when {@code value} selects a log format (or is unset: text), else what is wrong. */
    static String problem(String value) {
        if (value == null || FORMATS.contains(value)) {
            return null;
        }
        return VARIABLE + " must be text or json, not '" + value + "': no logs would be written";
    }
}
