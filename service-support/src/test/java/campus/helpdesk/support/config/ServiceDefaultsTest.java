package campus.helpdesk.support.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults every service shares come from service-support, and rank below the service's own application.yml
 * and below environment variables. Each case is a service's configuration folder under {@code config-cases/}.
 */
class ServiceDefaultsTest {

    private static final String SILENT = "classpath:config-cases/silent/";
    private static final String OVERRIDING = "classpath:config-cases/overriding/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void whatTheServiceDoesNotSayComesFromTheSharedDefaults() {
        try (Environment env = environment(SILENT)) {
            assertThat(env.getProperty("micronaut.server.max-request-size", String.class)).contains("1MB");
            assertThat(env.getProperty("micronaut.server.host", String.class)).contains("127.0.0.1");
            assertThat(env.getProperty("endpoints.health.details-visible", String.class)).contains("ANONYMOUS");
            assertThat(env.getProperty("endpoints.prometheus.sensitive", Boolean.class)).contains(false);
            assertThat(env.getProperty("micrometer.export.prometheus.step", String.class)).contains("PT1M");
            assertThat(env.getProperty("micronaut.security.endpoints.introspection.enabled", Boolean.class))
                    .contains(false);
            assertThat(env.getProperty("micronaut.router.static-resources.swagger-ui.mapping", String.class))
                    .contains("/swagger-ui/**");
            assertThat(env.getProperty("micronaut.application.name", String.class)).contains("silent-service");
        }
    }

    @Test
    void theServicesOwnSettingOverridesTheSharedDefault() {
        try (Environment env = environment(OVERRIDING)) {
            assertThat(env.getProperty("endpoints.health.details-visible", String.class)).contains("NEVER");
            assertThat(env.getProperty("micronaut.server.max-request-size", String.class)).contains("2MB");
            // The settings it does not override still come from the defaults, key by key.
            assertThat(env.getProperty("endpoints.health.sensitive", Boolean.class)).contains(false);
        }
    }

    @Test
    void anEnvironmentVariableOverridesBothTheServiceAndTheDefaults() {
        // A source at the rank Micronaut gives environment variables (ENDPOINTS_HEALTH_DETAILS_VISIBLE=...).
        PropertySource variables = PropertySource.of("variables", Map.of(
                "endpoints.health.details-visible", "AUTHENTICATED",
                "micrometer.export.prometheus.step", "PT10S"), EnvironmentPropertySource.POSITION);
        try (Environment env = environment(OVERRIDING, variables)) {
            assertThat(env.getProperty("endpoints.health.details-visible", String.class)).contains("AUTHENTICATED");
            assertThat(env.getProperty("micrometer.export.prometheus.step", String.class)).contains("PT10S");
        }
    }

    @Test
    void aServiceThatSaysNothingRefusesBodiesOver1MbAndShowsItsHealthDetails() throws Exception {
        try (EmbeddedServer server = server(SILENT)) {
            assertThat(get(server, "/health", 0).statusCode()).isEqualTo(200);
            assertThat(get(server, "/health", 0).body()).contains("\"details\"");
            assertThat(get(server, "/health", 1_500_000).statusCode()).isEqualTo(413);
            // Micronaut's other endpoints name classes, threads and routes: no service serves them.
            for (String path : new String[] {"/beans", "/routes", "/threaddump", "/info", "/refresh", "/loggers"}) {
                assertThat(get(server, path, 0).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void aServiceThatOverridesTheDefaultsGetsItsOwnLimitAndHidesItsHealthDetails() throws Exception {
        try (EmbeddedServer server = server(OVERRIDING)) {
            assertThat(get(server, "/health", 0).statusCode()).isEqualTo(200);
            assertThat(get(server, "/health", 0).body()).contains("\"UP\"").doesNotContain("\"details\"");
            assertThat(get(server, "/health", 1_500_000).statusCode()).isEqualTo(200);
        }
    }

    private static Environment environment(String location, PropertySource... more) {
        return ApplicationContext.builder().deduceEnvironment(false).overrideConfigLocations(location)
                .propertySources(more).build().getEnvironment().start();
    }

    private static EmbeddedServer server(String location) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .overrideConfigLocations(location)
                .properties(Map.of(
                        "micronaut.server.port", -1,
                        "helpdesk.service-key", "config-tests-service-key-5b8e2d7a9c1f4e6b3a0d"))
                .run(EmbeddedServer.class);
    }

    /** A GET with a body of {@code bodyBytes} (0: none), as a client sending too much would. */
    private static HttpResponse<String> get(EmbeddedServer server, String path, int bodyBytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path));
        if (bodyBytes > 0) {
            request.header("Content-Type", "application/json")
                    .method("GET", HttpRequest.BodyPublishers.ofString("\"" + "x".repeat(bodyBytes - 2) + "\""));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
