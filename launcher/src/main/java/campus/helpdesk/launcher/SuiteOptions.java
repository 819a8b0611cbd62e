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
 * @param secrets      the service key and session secret given to the services
 * @param gateway      where the gateway listens; null means 127.0.0.1 on its default port plus the offset. The
 *                     other services always listen on 127.0.0.1: only the gateway faces people.
 * @param extraEnv     added to every service's environment, e.g. {@code HELPDESK_STAFF_CODE}
 * @param logToConsole echo each service's log lines, prefixed with its name, to this process's stdout
 * @param archiveDir   where each service's start-up archive (AOT cache or CDS archive, see {@link JvmFlags}) is
 *                     kept; null means next to its jar ({@code <module>/target}). {@code ./helpdesk up} keeps them
 *                     in its data folder.
 */
public record SuiteOptions(Path projectRoot, String jdbcUrl, String dbUser, String dbPassword, int portOffset,
                           SuiteSecrets secrets, ListenAddress gateway, Map<String, String> extraEnv,
                           boolean logToConsole, Path archiveDir) {

    public SuiteOptions(Path projectRoot, String jdbcUrl, String dbUser, String dbPassword, int portOffset,
                        SuiteSecrets secrets, ListenAddress gateway, Map<String, String> extraEnv,
                        boolean logToConsole) {
        this(projectRoot, jdbcUrl, dbUser, dbPassword, portOffset, secrets, gateway, extraEnv, logToConsole, null);
    }

    public SuiteOptions {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(secrets, "secrets");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        gateway = gateway == null ? ListenAddress.loopback(Service.GATEWAY.defaultPort() + portOffset) : gateway;
        extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
        archiveDir = archiveDir == null ? null : archiveDir.toAbsolutePath().normalize();
    }

    public SuiteOptions withExtraEnv(Map<String, String> env) {
        return new SuiteOptions(projectRoot, jdbcUrl, dbUser, dbPassword, portOffset, secrets, gateway, env,
                logToConsole, archiveDir);
    }

    public ListenAddress listen(Service service) {
        return service == Service.GATEWAY ? gateway : ListenAddress.loopback(service.defaultPort() + portOffset);
    }

    public int port(Service service) {
        return listen(service).port();
    }

    /** Never the password or the secrets, which a record's default toString would print. */
    @Override
    public String toString() {
        return "SuiteOptions[root=" + projectRoot + ", db=" + jdbcUrl + " as " + dbUser + ", offset=" + portOffset
                + ", gateway=" + gateway + "]";
    }
}
