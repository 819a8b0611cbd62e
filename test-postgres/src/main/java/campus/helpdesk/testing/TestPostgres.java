package campus.helpdesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * One real PostgreSQL server per test JVM: a Testcontainers PostgreSQL 16 where Docker runs, otherwise the
 * embedded binaries (zonky). Started on first use and stopped by a shutdown hook, so every test class and suite in
 * the JVM shares the same server; {@link #createDatabase(String)} gives each suite its own empty database.
 */
public final class TestPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DATABASE = "helpdesk";
    private static final String USER = "helpdesk";
    private static final String PASSWORD = "helpdesk";

    private static volatile TestPostgres instance;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    /** URL of the server with a '%s' where the database name goes. */
    private final String urlTemplate;

    private TestPostgres(String jdbcUrl, String user, String password, String urlTemplate) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.urlTemplate = urlTemplate;
    }

    /** The server of this JVM, started on the first call. */
    public static TestPostgres get() {
        TestPostgres result = instance;
        if (result == null) {
            synchronized (TestPostgres.class) {
                result = instance;
                if (result == null) {
                    result = start();
                    instance = result;
                }
            }
        }
        return result;
    }

    /** JDBC URL of the default database {@code helpdesk}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * Creates a fresh empty database owned by {@link #user()} and returns its JDBC URL. If a database of that name
     * exists already (an earlier suite in this JVM), it is dropped first so the caller always starts empty.
     */
    public String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME.pattern() + ": " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " OWNER " + user);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return urlTemplate.formatted(name);
    }

    /**
     * {@code HELPDESK_TEST_POSTGRES=embedded} (or {@code -Dhelpdesk.test.postgres=embedded}) skips Docker: a machine
     * whose Docker engine cannot reach an image registry would otherwise spend minutes retrying the pull. A container
     * that fails to start falls back to the embedded binaries too.
     */
    private static TestPostgres start() {
        String choice = System.getProperty("helpdesk.test.postgres", System.getenv("HELPDESK_TEST_POSTGRES"));
        if (!"embedded".equalsIgnoreCase(choice) && dockerAvailable()) {
            try {
                return startContainer();
            } catch (RuntimeException e) {
                LOG.warn("Test PostgreSQL: the container did not start ({}); using the embedded binaries", e.toString());
            }
        }
        return startEmbedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestPostgres startContainer() {
        @SuppressWarnings("resource") // stopped by the shutdown hook
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine")
                .withDatabaseName(DATABASE)
                .withUsername(USER)
                .withPassword(PASSWORD);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
        String template = "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/%s";
        LOG.info("Test PostgreSQL: Testcontainers {} at {}", container.getDockerImageName(), template.formatted(DATABASE));
        return new TestPostgres(template.formatted(DATABASE), USER, PASSWORD, template);
    }

    private static TestPostgres startEmbedded() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    // Tests write a lot and never need durability: trade it for speed.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }, "test-postgres-stop"));
        String template = "jdbc:postgresql://localhost:" + postgres.getPort() + "/%s";
        String superUrl = template.formatted("postgres");
        try (Connection connection = DriverManager.getConnection(superUrl, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare embedded PostgreSQL", e);
        }
        LOG.info("Test PostgreSQL: embedded (zonky, no Docker available) at {}", template.formatted(DATABASE));
        return new TestPostgres(template.formatted(DATABASE), USER, PASSWORD, template);
    }
}
