package campus.helpdesk.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a {@link Suite}.
 *
 * @param projectRoot  the reactor root; each service runs from {@code <root>/<module>/target/<module>-*-all.jar}
 * @param jdbcUrl      the PostgreSQL database ticket-service uses (it runs the Flyway migration on start)
 * @param portOffset   added to every default port, so tests (10000) and manual runs (20000) never collide
 *                     with a running {@code ./helpdesk up} (0)
 * @param extraEnv     added to every service's environment, e.g. {@code HELPDESK_STAFF_CODE}
 * @param logToConsole echo each service's log lines, prefixed with its name, to this process's stdout
 */
public record SuiteOptions(Path projectRoot, String jdbcUrl, String dbUser, String dbPassword, int portOffset,
                           Map<String, String> extraEnv, boolean logToConsole) {

    public SuiteOptions {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
    }

    public SuiteOptions withExtraEnv(Map<String, String> env) {
        return new SuiteOptions(projectRoot, jdbcUrl, dbUser, dbPassword, portOffset, env, logToConsole);
    }

    public int port(Service service) {
        return service.defaultPort() + portOffset;
    }
}
