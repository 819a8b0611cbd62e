package campus.helpdesk.gateway.about;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The About page's list is the whole desk: the gateway itself first, the services behind it, and PostgreSQL where
 * the launcher's supervisor runs it, each with what the supervisor says. The services are not running here, so
 * they are unreachable; the status file is this JVM's, so it counts as a live launcher's.
 */
@MicronautTest
@Property(name = "helpdesk.status-file", value = ServicesControllerTest.STATUS_FILE)
class ServicesControllerTest {

    static final String STATUS_FILE = "target/about-test-status.json";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Inject
    GatewayHttp http;

    @AfterEach
    void removeStatusFile() throws Exception {
        Files.deleteIfExists(Path.of(STATUS_FILE));
    }

    @Test
    void theGatewayAndTheDatabaseAreRowsWithWhatTheSupervisorSays() throws Exception {
        writeStatus("RESTARTING");
        String cookie = http.signIn("Bo", "STAFF");
        List<Map<String, Object>> rows = rows(http.get("/api/services", "Cookie", cookie).body());

        assertThat(rows.getFirst()).containsEntry("name", "gateway").containsEntry("health", "UP")
                .containsEntry("swaggerUi", "/swagger-ui/index.html");
        assertThat(supervision(rows.getFirst())).containsEntry("state", "UP").containsEntry("restarts", 1);
        assertThat(rows.getLast()).containsEntry("name", "postgresql").containsEntry("health", "DOWN")
                .doesNotContainKeys("prefix", "swaggerUi");
        assertThat(supervision(rows.getLast())).containsEntry("state", "RESTARTING").containsEntry("restarts", 3);
        assertThat(rows.subList(1, rows.size() - 1)).extracting(r -> r.get("name"))
                .contains("ticket-service", "analytics-category");
        assertThat(rows.subList(1, rows.size() - 1)).allSatisfy(r -> assertThat(r.get("health")).isNotEqualTo("UP"));

        writeStatus("UP");
        rows = rows(http.get("/api/services", "Cookie", cookie).body());
        assertThat(rows.getLast()).containsEntry("name", "postgresql").containsEntry("health", "UP");
    }

    @Test
    void signedOutTheRowsSayNamesAndStatesAndOnlyTheGatewaysPublicLinks() throws Exception {
        writeStatus("UP");
        List<Map<String, Object>> rows = rows(http.get("/api/services").body());
        assertThat(rows).extracting(r -> r.get("name")).startsWith("gateway").endsWith("postgresql");
        assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContainKey("supervision"));
        // The gateway's own documents are public; a service's links point past the gateway, for signed-in people.
        assertThat(rows.getFirst()).containsEntry("swaggerUi", "/swagger-ui/index.html");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).doesNotContainKeys("swaggerUi", "url"));
    }

    @Test
    void aStudentGetsWhatASignedOutVisitorGets() throws Exception {
        writeStatus("UP");
        String student = http.signIn("Bo", "STUDENT");
        List<Map<String, Object>> rows = rows(http.get("/api/services", "Cookie", student).body());
        assertThat(rows).extracting(r -> r.get("name")).startsWith("gateway").endsWith("postgresql");
        assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContainKey("supervision"));
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).doesNotContainKeys("swaggerUi", "url"));

        String analyst = http.signIn("Bo", "ANALYST");
        rows = rows(http.get("/api/services", "Cookie", analyst).body());
        assertThat(rows.get(1)).containsKeys("swaggerUi", "url");
    }

    @Test
    void aLauncherThatIsGoneLeavesTheDatabaseRowUnknownAndEveryProcessUnsupervised() throws Exception {
        writeStatus("UP", Long.MAX_VALUE);
        List<Map<String, Object>> rows = rows(http.get("/api/services", "Cookie", http.signIn("Bo", "STAFF")).body());
        assertThat(rows.getLast()).containsEntry("name", "postgresql").containsEntry("health", "UNKNOWN");
        assertThat(supervision(rows.getLast())).containsEntry("state", "UNSUPERVISED").containsEntry("restarts", 3);
        assertThat(supervision(rows.getFirst())).containsEntry("state", "UNSUPERVISED");
    }

    @Test
    void withoutASupervisorThereIsNoDatabaseRow() {
        List<Map<String, Object>> rows = rows(http.get("/api/services").body());
        assertThat(rows.getFirst()).containsEntry("name", "gateway");
        assertThat(rows).extracting(r -> r.get("name")).doesNotContain("postgresql");
    }

    private static void writeStatus(String databaseState) throws Exception {
        writeStatus(databaseState, ProcessHandle.current().pid());
    }

    private static void writeStatus(String databaseState, long launcherPid) throws Exception {
        Files.writeString(Path.of(STATUS_FILE), """
                {"launcherPid": %d, "services": {
                  "gateway": {"state": "UP", "restarts": 1, "since": "2026-12-01T09:58:00Z"},
                  "postgresql": {"state": "%s", "restarts": 3, "since": "2026-12-01T09:50:00Z",
                                 "lastFailure": "exited (code 137)"}}}
                """.formatted(launcherPid, databaseState));
    }

    private static List<Map<String, Object>> rows(String body) {
        try {
            return JSON.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> supervision(Map<String, Object> row) {
        return (Map<String, Object>) row.get("supervision");
    }
}
