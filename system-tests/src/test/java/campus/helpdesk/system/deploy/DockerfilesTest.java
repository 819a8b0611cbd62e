package campus.helpdesk.system.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service Dockerfiles, read as text: no Docker engine is needed to hold them to their promises. */
class DockerfilesTest {

    static final String PROBE = "campus.helpdesk.support.health.HealthProbe";

    static List<ServiceConfig> services() {
        return ServiceConfig.all();
    }

    static String dockerfile(String module) {
        return Repo.read(module + "/Dockerfile");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void buildsItsOwnModuleAndExposesItsOwnPort(ServiceConfig config) {
        String text = dockerfile(config.module());
        assertThat(text).contains("ARG MODULE=" + config.module() + "\n", "ARG PORT=" + config.port() + "\n")
            .contains("-pl \"$MODULE\" -am package", "ENV HELPDESK_PORT=$PORT", "EXPOSE $PORT");
    }

    @Test
    void theFiveDockerfilesDifferOnlyInModuleAndPort() {
        var normalised = ServiceConfig.all().stream()
            .map(c -> dockerfile(c.module())
                .replace("ARG PORT=" + c.port() + "\n", "ARG PORT=<port>\n")
                .replace(c.module(), "<module>"))
            .distinct()
            .toList();
        assertThat(normalised).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void buildsWithMavenAndRunsOnAJreAsANonRootUser(ServiceConfig config) {
        List<String> froms = dockerfile(config.module()).lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).startsWith("FROM maven:3.9-eclipse-temurin-21 AS build");
        assertThat(froms.get(1)).isEqualTo("FROM eclipse-temurin:21-jre");
        List<String> users = dockerfile(config.module()).lines().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        assertThat(users.getFirst()).doesNotContain("root").isNotEqualTo("USER 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void sizesTheHeapToTheContainerAndChecksHealth(ServiceConfig config) {
        String text = dockerfile(config.module());
        assertThat(text).contains("-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "HEALTHCHECK ", PROBE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theHealthProbeIsInsideTheServiceJar(ServiceConfig config) {
        // The HEALTHCHECK runs a class of service-support: a service that does not depend on it never gets healthy.
        assertThat(Repo.path("service-support/src/main/java/" + PROBE.replace('.', '/') + ".java")).exists();
        assertThat(Repo.read(config.module() + "/pom.xml"))
            .as(config.module() + " inherits its dependencies from services-parent")
            .contains("<artifactId>services-parent</artifactId>");
        assertThat(Repo.read("services-parent/pom.xml"))
            .as("services-parent gives every service service-support")
            .contains("<artifactId>service-support</artifactId>");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputLocalStateAndGit() {
        assertThat(Repo.read(".dockerignore").lines().toList())
            .contains("**/target/", ".helpdesk/", ".git/");
    }
}
