package campus.helpdesk.ticket.db;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the transaction manager's "Failed to obtain JDBC Connection" is passed on as, to the failure handler. */
class PoolBusyTest {

    @Test
    void aPoolWithEveryConnectionInUseIsPassedOnAsThePoolSaidIt() {
        SQLTransientConnectionException busy = new SQLTransientConnectionException("HikariPool-1 - Connection is "
                + "not available, request timed out after 1000ms (total=16, active=16, idle=0, waiting=40)");
        Database.DatabaseException passed = Database.unreachable(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", busy));
        assertThat(passed.getCause()).isSameAs(busy);
    }

    @Test
    void aPoolThatCannotReachTheDatabaseIsAConnectionException() {
        SQLTransientConnectionException away = new SQLTransientConnectionException("HikariPool-1 - Connection is "
                + "not available, request timed out after 1000ms", "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        Database.DatabaseException passed = Database.unreachable(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", away));
        assertThat(((SQLException) passed.getCause()).getSQLState()).isEqualTo("08003");
    }
}
