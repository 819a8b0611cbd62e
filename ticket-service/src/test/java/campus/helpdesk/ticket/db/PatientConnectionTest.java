package campus.helpdesk.ticket.db;

import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk load's or a migration's connection waits for locks as long as it must; the pool's next user gets the 1 s
 * limit back, and every other setting the load changed.
 */
@MicronautTest(transactional = false)
class PatientConnectionTest extends ApiTest {

    @Inject
    Database database;

    @Inject
    @Named("default")
    Flyway flyway;

    @Test
    void aPatientConnectionHasNoLockLimitUntilItGoesBackToThePool() throws Exception {
        int patientBackend;
        try (Connection patient = database.borrowPatient()) {
            assertThat(show(patient)).isEqualTo("0");
            patientBackend = backend(patient);
            try (Statement s = patient.createStatement()) {
                s.execute("SET statement_timeout = 0"); // as an index build does
            }
            patient.setAutoCommit(false);
            try (Statement s = patient.createStatement()) {
                s.execute("SELECT 1 / 0");
            } catch (SQLException expected) {
                // closed below in a failed transaction, as a load that broke off would be
            }
        }
        boolean sameBackendSeen = false;
        for (int i = 0; i < 20; i++) {
            try (Connection next = database.borrow()) {
                sameBackendSeen |= backend(next) == patientBackend;
                assertThat(show(next)).isEqualTo("1s");
                assertThat(show(next, "statement_timeout")).isEqualTo("30s");
            }
        }
        assertThat(sameBackendSeen).as("the pool handed the patient connection out again").isTrue();
    }

    @Test
    void flywayMigratesThroughPatientConnections() throws Exception {
        try (Connection migrating = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(show(migrating)).isEqualTo("0");
        }
    }

    private static String show(Connection connection) throws SQLException {
        return show(connection, "lock_timeout");
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int backend(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
