package campus.helpdesk.ticket.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A pooled connection without the pool's lock limit until it is closed: the limit is the connection's own setting
 * (a startup option), so it must be back before the pool hands the connection to a request.
 */
final class PatientConnection {

    private PatientConnection() {
    }

    static Connection of(Connection pooled) throws SQLException {
        try (Statement s = pooled.createStatement()) {
            s.execute("SET lock_timeout = 0");
        } catch (SQLException e) {
            pooled.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        close(pooled);
                        return null;
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void close(Connection pooled) throws SQLException {
        try (pooled) {
            if (!pooled.isClosed() && !pooled.getAutoCommit()) {
                // A failed transaction would refuse the RESET, and inside one the pool's rollback would undo it.
                pooled.rollback();
                pooled.setAutoCommit(true);
            }
            try (Statement s = pooled.createStatement()) {
                s.execute("RESET lock_timeout"); // back to the startup option's value
            }
        }
    }
}
