package campus.helpdesk.ticket.db;

import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk load's connection waits for locks as long as it must; the pool's next user gets the 1 s limit back. */
@MicronautTest(transactional = false)
class PatientConnectionTest extends ApiTest {

    @Inject
    Database database;

    @Test
    void aPatientConnectionHasNoLockLimitUntilItGoesBackToThePool() throws Exception {
        int patientBackend;
        try (Connection patient = database.borrowPatient()) {
            assertThat(show(patient)).isEqualTo("0");
            patientBackend = backend(patient);
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
            }
        }
        assertThat(sameBackendSeen).as("the pool handed the patient connection out again").isTrue();
    }

    private static String show(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
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
