package campus.helpdesk.system;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.Suite;
import campus.helpdesk.launcher.SuiteOptions;
import campus.helpdesk.launcher.SuiteSecrets;
import campus.helpdesk.testing.TestPostgres;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole product, started once per test JVM: the five services as separate processes (ports 18080–18084)
 * on a fresh database of the test PostgreSQL. Test classes share it, so each must create the tickets it
 * asserts on rather than expect an empty desk. It stops when the JVM exits.
 */
public final class SharedSuite {

    /**
     * Keeps the system tests off the ports of a running {@code ./helpdesk up}; {@code -Dhelpdesk.suite.portOffset}
     * moves them again, so two checkouts can run their system tests side by side.
     */
    public static final int PORT_OFFSET = Integer.getInteger("helpdesk.suite.portOffset", 10000);
    private static final String DATABASE = "system_tests";
    /** Fresh for every test run; tests that sign their own service tokens read them here. */
    public static final SuiteSecrets SECRETS = SuiteSecrets.random();

    private static volatile Suite suite;
    private static volatile String jdbcUrl;

    private SharedSuite() {
    }

    public static Suite get() {
        Suite result = suite;
        if (result == null) {
            synchronized (SharedSuite.class) {
                result = suite;
                if (result == null) {
                    TestPostgres postgres = TestPostgres.get();
                    String url = postgres.createDatabase(DATABASE);
                    result = Suite.start(new SuiteOptions(projectRoot(), url, postgres.user(), postgres.password(),
                            PORT_OFFSET, SECRETS, null, Map.of(), Boolean.getBoolean("helpdesk.suite.console")));
                    jdbcUrl = url;
                    suite = result;
                }
            }
        }
        return result;
    }

    /** The database the suite's ticket-service writes to, for checking results with plain SQL. */
    public static String jdbcUrl() {
        get();
        return jdbcUrl;
    }

    public static String dbUser() {
        return TestPostgres.get().user();
    }

    public static String dbPassword() {
        return TestPostgres.get().password();
    }

    public static URI uri(Service service) {
        return get().uri(service);
    }

    /**
     * The reactor root: given by the build ({@code helpdesk.projectRoot}), else found by walking up from the
     * working directory to the folder that holds the Maven wrapper and the service modules.
     */
    public static Path projectRoot() {
        String configured = System.getProperty("helpdesk.projectRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("ticket-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root above " + Path.of("").toAbsolutePath());
    }
}
