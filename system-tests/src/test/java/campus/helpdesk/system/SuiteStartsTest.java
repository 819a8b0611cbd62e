package campus.helpdesk.system;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.Suite;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteStartsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyServiceAnswersHealthUpOnItsOwnOffsetPort() throws Exception {
        Suite suite = SharedSuite.get();
        for (Service service : Service.values()) {
            assertThat(suite.port(service)).isEqualTo(service.defaultPort() + SharedSuite.PORT_OFFSET);
            HttpResponse<String> health = get(suite.uri(service).resolve(service.healthPath()));
            assertThat(health.statusCode()).as(service.module()).isEqualTo(200);
            assertThat(health.body()).as(service.module()).contains("\"UP\"");
        }
    }

    @Test
    void ticketServiceMigratedTheSuiteDatabase() throws Exception {
        SharedSuite.get();
        try (Connection c = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_name = 'flyway_schema_history'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aStoppedServiceComesBackOnTheSamePort() throws Exception {
        Suite suite = SharedSuite.get();
        suite.stop(Service.CATEGORY);
        assertThat(suite.isRunning(Service.CATEGORY)).isFalse();

        suite.start(Service.CATEGORY);

        assertThat(suite.isRunning(Service.CATEGORY)).isTrue();
        assertThat(get(suite.uri(Service.CATEGORY).resolve("/health")).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
