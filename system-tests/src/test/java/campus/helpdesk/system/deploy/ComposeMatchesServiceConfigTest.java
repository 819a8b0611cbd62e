package campus.helpdesk.system.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Compose service against that service's configuration: application.yml over the defaults, logback.xml. */
class ComposeMatchesServiceConfigTest {

    /** Read by the image itself (its entrypoint), not by the service's configuration files. */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS");

    static final Map<String, Object> COMPOSE = Repo.yaml("docker-compose.yml");

    static List<ServiceConfig> services() {
        return ServiceConfig.all();
    }

    static Map<String, Object> composeService(ServiceConfig config) {
        return Repo.map(COMPOSE, "services", config.module());
    }

    static Map<String, Object> environment(ServiceConfig config) {
        return Repo.map(composeService(config), "environment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyVariableComposeSetsIsOneTheServiceReads(ServiceConfig config) {
        assertThat(environment(config).keySet())
            .allSatisfy(name -> assertThat(config.reads().contains(name) || IMAGE_VARIABLES.contains(name))
                .as("%s sets %s, which %s does not read (it reads %s)", "compose", name, config.module(),
                    config.reads())
                .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyVariableWithoutADefaultIsSet(ServiceConfig config) {
        assertThat(environment(config).keySet()).containsAll(config.required());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theServiceListensOnItsOwnDefaultPort(ServiceConfig config) {
        assertThat(String.valueOf(environment(config).get("HELPDESK_PORT"))).isEqualTo(String.valueOf(config.port()));
        assertThat(ComposeFileTest.strings(Repo.list(composeService(config), "expose")))
            .containsExactly(String.valueOf(config.port()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theImageIsBuiltWithTheServicesOwnDefaultPort(ServiceConfig config) {
        // The image's HELPDESK_PORT, EXPOSE and HEALTHCHECK come from the build argument PORT.
        assertThat(String.valueOf(Repo.at(composeService(config), "build", "args", "PORT")))
            .isEqualTo(String.valueOf(config.port()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theHealthCheckAsksTheServicesHealthEndpoint(ServiceConfig config) {
        assertThat(config.healthPath()).as(config.module() + " exposes an unauthenticated health endpoint")
            .isNotNull();
        List<String> test = ComposeFileTest.strings(Repo.list(composeService(config), "healthcheck", "test"));
        assertThat(test).first().isEqualTo("CMD");
        assertThat(test).contains("campus.helpdesk.support.health.HealthProbe")
            .last().isEqualTo("http://127.0.0.1:" + config.port() + config.healthPath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceAddressesNameAComposeServiceAndItsPort(ServiceConfig config) {
        environment(config).forEach((name, value) -> {
            String text = String.valueOf(value);
            if (name.endsWith("_URL") && text.startsWith("http")) {
                URI uri = URI.create(text);
                assertThat(ServiceConfig.MODULES).as(name).contains(uri.getHost());
                assertThat(uri.getPort()).as(name).isEqualTo(ServiceConfig.of(uri.getHost()).port());
                assertThat(Repo.map(composeService(config), "depends_on")).as(config.module() + " waits for "
                    + uri.getHost()).containsKey(uri.getHost());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theDatabaseUrlNamesTheComposePostgres(ServiceConfig config) {
        Object url = environment(config).get("HELPDESK_DB_URL");
        if (url != null) {
            assertThat(url.toString()).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(Repo.map(composeService(config), "depends_on")).containsKey("postgres");
        }
    }
}
