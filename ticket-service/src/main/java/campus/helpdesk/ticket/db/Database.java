package campus.helpdesk.ticket.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two ways ticket-service talks to PostgreSQL: a transaction (Micronaut's transaction manager) for changes
 * that need several statements, and a plain auto-commit connection for single statements, which saves the
 * BEGIN/COMMIT round trips on the hot paths (create, reads, the feed).
 */
@Singleton
public class Database {

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;

    public Database(DataSource dataSource, TransactionOperations<Connection> transactions) {
        // The injected DataSource is Micronaut's contextual proxy, which only works inside its own connection
        // scope; the pool behind it hands out ordinary connections.
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one READ COMMITTED transaction; any exception rolls it back. */
    public <T> T inTransaction(Work<T> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new DatabaseException(e);
            }
        });
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode: each statement is its own transaction. */
    public <T> T autoCommit(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** A pooled connection the caller must close; for streams that outlive one method call. */
    public Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
