package campus.helpdesk.ticket.db;

import campus.helpdesk.support.problem.FailureHandler;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The two ways ticket-service's hand-written SQL talks to PostgreSQL: a transaction (Micronaut's transaction
 * manager) for changes that need several statements, and a plain auto-commit connection for single statements,
 * which saves the BEGIN/COMMIT round trips on the hot paths (create, the list, the feed).
 *
 * <p>Micronaut Data repositories called inside {@link #inTransaction} join that transaction and its connection
 * (the transaction manager propagates it to them); called outside one, each call takes a pooled connection in
 * auto-commit mode, like {@link #autoCommit}. Never call a repository inside {@link #autoCommit}: it would hold a
 * second connection.
 */
@Singleton
public class Database {

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;
    private final TicketGates gates = new TicketGates(REQUEST_LOCK_WAIT_MILLIS);

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

    /**
     * Runs {@code work} in one READ COMMITTED transaction; any exception rolls it back. Work that throws
     * {@link StartAgain} (before it has done anything but read and lock) is rolled back and run again, at most
     * {@link #ATTEMPTS} times; after that its caller gets the 409 of a transaction rolled back for another one.
     */
    public <T> T inTransaction(Work<T> work) {
        return inTransaction(null, work);
    }

    /**
     * {@link #inTransaction(Work)} on a connection that gives up on PostgreSQL after {@code networkTimeout} without an
     * answer, from the transaction's first statement on (the pool restores the connection's own timeout when it is
     * returned, and drops a connection that timed out); null: no limit, as for requests.
     */
    public <T> T inTransaction(@Nullable Duration networkTimeout, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(networkTimeout, work);
            } catch (StartAgain e) {
                if (attempt == ATTEMPTS) {
                    throw new DatabaseException(new SQLException(e.getMessage(), SERIALIZATION_FAILURE, e));
                }
            }
        }
    }

    /**
     * {@link #inTransaction(Work)} for a change to ticket {@code ticketId} (the work takes its {@link TicketSql#lock}):
     * the request waits for its turn on that ticket before it takes a connection ({@link TicketGates}), so many
     * writers of one ticket leave the pool to everyone else.
     */
    public <T> T onTicket(long ticketId, Work<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            // It would wait for its turn holding the locks of the transaction it joins.
            throw new IllegalStateException("onTicket inside a transaction");
        }
        return gates.through(ticketId, () -> inTransaction(work));
    }

    /**
     * Thrown by transaction work whose locks, taken in the one order that cannot deadlock, no longer cover what it
     * must change: what it read before taking them has changed since. Its transaction ends, releasing them, and runs
     * again from the start.
     */
    public static final class StartAgain extends RuntimeException {
        public StartAgain(String why) {
            super(why, null, false, false);
        }
    }

    private <T> T once(@Nullable Duration networkTimeout, Work<T> work) {
        try {
            return transactions.executeWrite(status -> {
                try {
                    if (networkTimeout != null) {
                        status.getConnection().setNetworkTimeout(Runnable::run, (int) networkTimeout.toMillis());
                    }
                    waitForLocksAtMost(status.getConnection());
                    return work.run(status.getConnection());
                } catch (SQLException e) {
                    throw new DatabaseException(e);
                }
            });
        } catch (ConnectionException e) {
            throw unreachable(e);
        }
    }

    /**
     * A request's writes wait for a lock {@link #REQUEST_LOCK_WAIT} at most, then fail with SQLSTATE 55P03 (a 503 to
     * try again, nothing changed). The services hold a ticket for milliseconds, so a longer wait is on someone
     * else's open transaction (psql, a script): without a limit each write to a ticket held that way kept a pooled
     * connection for up to 30 s after the gateway had given up, people sent again, and within seconds the pool was
     * gone for every request of the desk. Work that waits longer on purpose (the feed sequencer) sets its own.
     * The pool's connections start with the same limit (application.yml, for the statements outside a transaction);
     * said here too, so that a request's transaction stays bounded even where an operator's own connection options
     * replace the pool's.
     */
    private static void waitForLocksAtMost(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + REQUEST_LOCK_WAIT + "'");
        }
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode: each statement is its own transaction. */
    public <T> T autoCommit(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(closing(e));
        }
    }

    /**
     * Runs {@code work} on the connection of the transaction in progress on this thread (it sees that transaction's
     * uncommitted changes, as a repository would), else like {@link #autoCommit}.
     */
    public <T> T joining(Work<T> work) {
        if (transactions.findTransactionStatus().isEmpty()) {
            return autoCommit(work);
        }
        try {
            return work.run(transactions.getConnection());
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** A pooled connection the caller must close; for streams that outlive one method call. */
    public Connection borrow() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw closing(e);
        }
    }

    /**
     * A pooled connection that waits for locks as long as it must, for work nobody waits on: bulk loads and index
     * repairs wait for autovacuum and for each other. Every other statement gives up on a lock after the pool's
     * {@code lock_timeout} (application.yml), which closing this connection puts back.
     */
    public Connection borrowPatient() throws SQLException {
        return PatientConnection.of(borrow(), pool);
    }

    /**
     * Micronaut's connection management (the transaction manager, the repositories) could not even set up a
     * connection: PostgreSQL died under it, or the pool is closed. Said in the terms every service's failure handler
     * knows, a connection exception (SQLSTATE 08003).
     */
    static DatabaseException unreachable(RuntimeException e) {
        // A pool whose connections are all in use, the database fine, is "busy", not away (FailureHandler.poolBusy):
        // passed on as the pool said it, or the connection exception put round it would be read first.
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && FailureHandler.poolBusy(sql)) {
                return new DatabaseException(sql);
            }
        }
        return new DatabaseException(new SQLException(e.getMessage(), CONNECTION_DOES_NOT_EXIST, e));
    }

    /** A pool closed under a request (the service is stopping) is "unavailable", not a fault of the request. */
    private SQLException closing(SQLException e) {
        if (e.getSQLState() == null && pool instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.isClosed()) {
            return new SQLException(e.getMessage(), CONNECTION_DOES_NOT_EXIST, e);
        }
        return e;
    }

    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final String CONNECTION_DOES_NOT_EXIST = "08003";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int ATTEMPTS = 5;
    /**
     * Below the gateway's 1.5 s, so a person gets this service's answer (a write that first waited for its turn at
     * its ticket, {@link #onTicket}, may wait up to twice this and get the gateway's 504 instead; nothing is changed
     * twice, as its retry carries the same idempotency key). Equal to PostgreSQL's deadlock_timeout, so
     * a deadlock may end as a lock timeout rather than as one: either way a retryable answer, and nothing changed.
     */
    static final String REQUEST_LOCK_WAIT = "1s";
    /** The same limit for a request's turn at a ticket's gate, before it has a connection. */
    static final long REQUEST_LOCK_WAIT_MILLIS = 1000;
}
