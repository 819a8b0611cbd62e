package campus.helpdesk.launcher.cli;

import picocli.CommandLine.Option;

/** {@code --db-url/--db-user/--db-password}: a PostgreSQL of one's own instead of the embedded one. */
public final class ExternalDatabaseOptions {

    @Option(names = "--db-url", paramLabel = "URL",
            description = "uses that PostgreSQL (jdbc:postgresql://host:port/db) instead of the embedded one")
    String url;

    @Option(names = "--db-user", paramLabel = "U", description = "its user (default helpdesk)")
    String user;

    @Option(names = "--db-password", paramLabel = "P", description = "its password (default helpdesk)")
    String password;

    /** The database named, or null when no {@code --db-url} was given. */
    public DatabaseTarget target() {
        return DatabaseTarget.from(url, user, password);
    }
}
