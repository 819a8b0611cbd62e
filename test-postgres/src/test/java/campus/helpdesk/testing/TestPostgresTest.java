package campus.helpdesk.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPostgresTest {

    @Test
    void startsOneServerPerJvm() {
        assertThat(TestPostgres.get()).isSameAs(TestPostgres.get());
    }

    @Test
    void aCreatedDatabaseIsEmptyAndUsableEvenWhenCreatedTwice() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        String url = postgres.createDatabase("suite_a");
        try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE leftover (id int)");
        }
        String again = postgres.createDatabase("suite_a");
        try (Connection c = DriverManager.getConnection(again, postgres.user(), postgres.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void serverIsARealPostgresql16OrNewer() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(Integer.parseInt(rs.getString(1))).isGreaterThanOrEqualTo(160000);
        }
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> TestPostgres.get().createDatabase("x; DROP DATABASE helpdesk"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
