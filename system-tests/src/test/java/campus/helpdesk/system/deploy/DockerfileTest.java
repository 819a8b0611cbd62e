package campus.helpdesk.system.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import campus.helpdesk.launcher.Service;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Dockerfile that builds every service, read as text: no Docker engine is needed to hold it to its
 * promises. Which service an image holds is the build argument SERVICE (ComposeFileTest checks Compose passes it).
 */
class DockerfileTest {

    static final String PROBE = "campus.helpdesk.support.health.HealthProbe";
    static final String DOCKERFILE = Repo.read("Dockerfile");

    /** The jar the image copies from the module, built on the host: {@code COPY [--opt ...] <jar> /app/service.jar}. */
    static final Pattern BUILT_JAR = Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) /app/service\\.jar$");

    static List<ServiceConfig> services() {
        return ServiceConfig.all();
    }

    @Test
    void buildsTheModuleNamedByServiceAndExposesThePortNamedByPort() {
        assertThat(DOCKERFILE).contains("ARG SERVICE\n", "ARG PORT\n")
            .contains("${SERVICE}/target/${SERVICE}-", "ENV HELPDESK_PORT=$PORT", "EXPOSE $PORT");
        // Without the arguments the build stops at once and says what to pass.
        assertThat(DOCKERFILE).contains("test -n \"$SERVICE\" && test -n \"$PORT\"", "--build-arg SERVICE=");
    }

    @Test
    void compilesTestsSoTheAnalyticsServicesFindAnalyticsSupportsTestJar() {
        // The jars are built on the host, once for all five images, by the Maven build the Dockerfile names.
        // -Dmaven.test.skip=true makes no test jars: the analytics services' build then fails on an empty cache.
        assertThat(DOCKERFILE.lines().filter(l -> l.contains("./mvnw ")))
            .isNotEmpty()
            .allSatisfy(l -> assertThat(l).contains("install -DskipTests").doesNotContain("maven.test.skip"));
        assertThat(DOCKERFILE.lines().filter(l -> !l.startsWith("#")).filter(l -> l.contains("mvn"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void noServiceKeepsADockerfileOfItsOwn(ServiceConfig config) {
        assertThat(Repo.path(config.module() + "/Dockerfile")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void copiesTheRunnableJarThatTheServicesBuildMakes(ServiceConfig config) throws IOException {
        var copied = BUILT_JAR.matcher(DOCKERFILE);
        assertThat(copied.find()).as("the image copies the service's jar to /app/service.jar").isTrue();
        String jar = copied.group(1).replace("${SERVICE}", config.module());
        assertThat(jar).isEqualTo(config.module() + "/target/" + config.module() + "-*-all.jar");
        var glob = FileSystems.getDefault().getPathMatcher("glob:" + jar);
        Path target = Repo.path(config.module() + "/target");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(Repo.ROOT::relativize)).as("the package phase made " + jar).anyMatch(glob::matches);
        }
    }

    @Test
    void runsOnAJreAsANonRootUser() {
        // One stage: the jar comes from the host's Maven build, so no image downloads Maven's dependencies.
        List<String> froms = DOCKERFILE.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).containsExactly("FROM eclipse-temurin:21-jre");
        assertThat(DOCKERFILE).doesNotContain("# syntax=");
        List<String> users = DOCKERFILE.lines().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        assertThat(users.getFirst()).doesNotContain("root").isNotEqualTo("USER 0");
    }

    @Test
    void sizesTheHeapPerServiceAndChecksHealth() {
        assertThat(DOCKERFILE).contains("ARG MAX_HEAP", "-Xmx${MAX_HEAP}", "-XX:+UseSerialGC", "MALLOC_ARENA_MAX=2",
                "HEALTHCHECK ", PROBE);
    }

    /** A container's heap ceiling is the one the launcher gives the same service (launcher/README.md). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void composeGivesEachServiceTheLaunchersHeapCeiling(Service service) {
        Object maxHeap = Repo.at(Repo.map(ComposeMatchesServiceConfigTest.COMPOSE, "services", service.module()),
                "build", "args", "MAX_HEAP");
        assertThat(String.valueOf(maxHeap)).isEqualTo(service.maxHeap());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theHealthProbeIsInsideTheServiceJar(ServiceConfig config) {
        // The HEALTHCHECK runs a class of service-support: a service that does not depend on it never gets healthy.
        assertThat(Repo.path("service-support/src/main/java/" + PROBE.replace('.', '/') + ".java")).exists();
        assertThat(ServiceConfig.dependsOn(config.module(), "service-support"))
            .as(config.module() + " depends on service-support").isTrue();
    }

    @Test
    void theBuildContextLeavesOutBuildOutputLocalStateAndGit() {
        assertThat(Repo.read(".dockerignore").lines().toList())
            .contains("**/target/", ".helpdesk/", ".git/")
            // Only the runnable jars of target/ go in (what the Dockerfile copies), after the exclusion.
            .containsSubsequence("**/target/", "!*/target/*-all.jar");
    }
}
