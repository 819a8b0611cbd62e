package campus.helpdesk.ticket.db;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A pooled connection without the pool's lock limit until it is closed. The limit is the connection's own setting (a
 * startup option), so the connection goes back to the pool with every setting as it started (bulk loads also lift
 * the statement timeout and raise the memory of an index build), or not at all.
 */
public final class PatientConnection {

    private PatientConnection() {
    }

    /**
     * {@code pool} as patient connections: for Flyway, whose migrations wait for autovacuum or an analytics
     * snapshot's read (a 1 s limit failed the start of a ticket-service being upgraded).
     */
    public static DataSource dataSource(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        return of(pool.getConnection(), pool);
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code pooled}, from {@code pool}, which drops it if its settings cannot be put back. */
    static Connection of(Connection pooled, DataSource pool) throws SQLException {
        Consumer<Connection> evict = connection -> {
            if (pool instanceof HikariDataSource hikari) {
                hikari.evictConnection(connection);
            }
        };
        try (Statement s = pooled.createStatement()) {
            s.execute("SET lock_timeout = 0");
        } catch (SQLException e) {
            pooled.close();
            throw e;
        }
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        if (closed.compareAndSet(false, true)) {
                            close(pooled, evict);
                        }
                        yield null;
                    }
                    case "isClosed" -> closed.get() || pooled.isClosed();
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> {
                        try {
                            yield method.invoke(pooled, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    private static void close(Connection pooled, Consumer<Connection> evict) throws SQLException {
        if (pooled.isClosed()) {
            return;
        }
        try {
            if (!pooled.getAutoCommit()) {
                // A failed transaction would refuse the RESET, and inside one the pool's rollback would undo it.
                pooled.rollback();
                pooled.setAutoCommit(true);
            }
            try (Statement s = pooled.createStatement()) {
                s.execute("RESET ALL"); // back to the startup options' values, the lock limit among them
            }
        } catch (SQLException | RuntimeException e) {
            evict.accept(pooled);
        } finally {
            pooled.close();
        }
    }
}
