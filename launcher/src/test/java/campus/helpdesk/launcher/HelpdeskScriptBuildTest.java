package campus.helpdesk.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./helpdesk} script's own build step, in a copy of the script beside stand-in jars, sources and a
 * stand-in {@code mvnw} that only leaves a mark: it builds when the sources are newer than the jars, but never
 * under a desk that runs from those jars (a build rewrites them, and the running services then fail on the next
 * class they load).
 */
class HelpdeskScriptBuildTest {

    private static final List<String> MODULES = List.of("ticket-service", "gateway", "analytics-open-period",
            "analytics-resolution-time", "analytics-category", "launcher");

    @TempDir
    Path root;
    private Process service;

    @BeforeEach
    void checkout() throws IOException {
        Path repository = Path.of("").toAbsolutePath();
        while (!Files.exists(repository.resolve("mvnw"))) {
            repository = repository.getParent();
        }
        Files.copy(repository.resolve("helpdesk"), root.resolve("helpdesk"));
        Files.createDirectories(root.resolve("scripts"));
        Files.copy(repository.resolve("scripts/java-home.sh"), root.resolve("scripts/java-home.sh"));
        Path mvnw = Files.writeString(root.resolve("mvnw"), "#!/usr/bin/env bash\ntouch \"$(dirname \"$0\")/built\"\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        FileTime built = FileTime.from(Instant.now().minusSeconds(3600));
        for (String module : MODULES) {
            Path jar = Files.createDirectories(root.resolve(module).resolve("target")).resolve(module + "-1-all.jar");
            Files.setLastModifiedTime(Files.createFile(jar), built);
        }
        Files.createDirectories(root.resolve("gateway/src/main/java"));
        Files.writeString(root.resolve("gateway/src/main/java/Changed.java"), "class Changed {}\n");
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void changedSourcesAreBuiltWhenNoDeskRuns() throws Exception {
        String output = helpdesk();
        assertThat(root.resolve("built")).as(output).exists();
    }

    @Test
    void aDeskRunningFromTheJarsIsNotRebuiltUnder() throws Exception {
        // Named like a service's JVM, which runs <module>-<version>-all.jar.
        service = new ProcessBuilder("bash", "-c", "exec -a 'java -jar gateway-1-all.jar' sleep 60").start();
        Files.writeString(root.resolve("gateway/target/gateway-8080.pid"), service.pid() + " 1\n");

        String output = helpdesk();

        assertThat(root.resolve("built")).as(output).doesNotExist();
        assertThat(output).contains("a running desk uses these jars (process " + service.pid() + ")")
                .contains("Stop that desk to rebuild");
    }

    @Test
    void aPidFileLeftByADeskThatIsGoneDoesNotStopTheBuild() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(root.resolve("gateway/target/gateway-8080.pid"), gone.pid() + " 1\n");

        String output = helpdesk();

        assertThat(root.resolve("built")).as(output).exists();
    }

    /** What the script printed; past its build step it runs the stand-in launcher jar, which fails, as it may. */
    private String helpdesk() throws IOException, InterruptedException {
        Path output = root.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("helpdesk").toString(), "token", "list")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("HELPDESK_SKIP_BUILD");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits within 60 s").isTrue();
        return Files.readString(output);
    }
}
