package campus.helpdesk.launcher.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL database to use: the embedded one by default, or one given with {@code --db-url}. */
public record DatabaseTarget(String url, String user, String password) {

    public static final String DEFAULT_USER = "helpdesk";
    /** For {@code --db-url} without {@code --db-password} only; the embedded database has a random password. */
    public static final String DEFAULT_PASSWORD = "helpdesk";

    /** The {@code helpdesk} database of the embedded PostgreSQL on this machine, as its owner. */
    public static DatabaseTarget local(int port, String ownerPassword) {
        return new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + port + "/helpdesk", DEFAULT_USER, ownerPassword);
    }

    /**
     * The target named by {@code --db-url/--db-user/--db-password} (each null when not given), or null when no
     * URL was given.
     */
    public static DatabaseTarget from(String url, String user, String password) {
        if (url == null) {
            if (user != null || password != null) {
                throw new UsageException("--db-user and --db-password go with --db-url");
            }
            return null;
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new UsageException("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db): " + url);
        }
        return new DatabaseTarget(url, user == null ? DEFAULT_USER : user,
                password == null ? DEFAULT_PASSWORD : password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Never the password, which a record's default toString would print. */
    @Override
    public String toString() {
        return "DatabaseTarget[" + url + " as " + user + "]";
    }
}
