package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL binaries (from Maven Central, via zonky), running on 127.0.0.1:15432 with their data in
 * {@code .helpdesk/pgdata}, kept across restarts. Creates the {@code helpdesk} role and database when missing.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final int DEFAULT_PORT = 15432;
    private static final String NAME = "helpdesk";

    private final EmbeddedPostgres postgres;
    private final DatabaseTarget target;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseTarget target) {
        this.postgres = postgres;
        this.target = target;
    }

    /** True when {@code home} holds the data of an earlier run. */
    public static boolean exists(Path home) {
        return Files.exists(dataDirectory(home).resolve("PG_VERSION"));
    }

    public static EmbeddedDatabase start(Path home, int port) {
        Ports.requireFree("PostgreSQL", port);
        Path data = dataDirectory(home);
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(home);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The launcher stops PostgreSQL itself, after the services, so they never lose it mid-request.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    // The embedded library turns this off for speed in tests; here the data is the desk's own,
                    // and a ticket a student saw accepted must survive a crash of PostgreSQL.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_wal_size", "2GB")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            home.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            home.resolve("postgres.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new SuiteException("PostgreSQL did not start (" + e.getMessage() + "); see "
                    + home.resolve("postgres.log"), e);
        }
        DatabaseTarget target = DatabaseTarget.local(port);
        try {
            createRoleAndDatabase(postgres.getPort());
        } catch (SQLException e) {
            close(postgres);
            throw new SuiteException("PostgreSQL started but the helpdesk database could not be created: "
                    + e.getMessage(), e);
        }
        return new EmbeddedDatabase(postgres, target);
    }

    public DatabaseTarget target() {
        return target;
    }

    @Override
    public void close() {
        close(postgres);
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static Path dataDirectory(Path home) {
        return home.resolve("pgdata");
    }

    private static void createRoleAndDatabase(int port) throws SQLException {
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
             Statement s = c.createStatement()) {
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + NAME + "'")) {
                s.execute("CREATE ROLE " + NAME + " LOGIN PASSWORD '" + NAME + "'");
            }
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                s.execute("CREATE DATABASE " + NAME + " OWNER " + NAME);
            }
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }
}
