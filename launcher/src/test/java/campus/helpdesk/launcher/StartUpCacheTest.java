package campus.helpdesk.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The start-up cache (JDK 25's AOT cache) a service records on its first run and maps on every later one, and the two
 * ways it could leave a desk worse off for good. Real JVMs, a stand-in service ({@link AnswersHealth}) on port 30184.
 * <ul>
 * <li>A JVM refuses a cache whose archived objects do not fit the heap it was given (here a young generation that
 *     leaves the old one smaller than those objects) and then does not start at all. The launcher must not be stuck
 *     restarting it: it deletes that cache and starts the service without it.</li>
 * <li>A run stopped before it was ready writes a cache of what it had loaded by then, a fraction of a full one, and
 *     every later start would map that one and stay slow: the launcher deletes it, and the next run records anew.</li>
 * </ul>
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StartUpCacheTest {

    private static final int OFFSET = 22100;

    @TempDir
    Path root;

    private ServiceProcess running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
    }

    @Test
    void aCacheTheJvmRefusesIsDeletedAndTheServiceStartsWithoutIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache is JDK 25's");
        Path archives = Files.createDirectories(root.resolve("archives"));
        standInJar();

        Path cache = runUntilReadyThenStop(archives);   // the first run records the cache as it exits

        // -Xms16m (JvmFlags) with a 15 MB young generation leaves 1 MB for the archived objects.
        running = process(Map.of("JAVA_TOOL_OPTIONS", "-Xmn15m"));
        running.start();
        running.awaitHealthy(Duration.ofSeconds(60));

        String log = Files.readString(running.log());
        assertThat(log).contains(JvmFlags.UNUSABLE_CACHE, "could not use its start-up cache " + cache.getFileName());
        assertThat(running.isAlive()).isTrue();
        assertThat(cache).as("deleted, so the next start records one for these flags").doesNotExist();
    }

    @Test
    void aRunStoppedBeforeItWasReadyLeavesNoCacheAndTheNextRunRecordsAFullOne() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache is JDK 25's");
        Path archives = Files.createDirectories(root.resolve("archives"));
        standInJar();

        running = process(Map.of());
        running.start();
        Thread.sleep(300);   // the JVM is up and loading classes, not yet answering
        running.stop();
        running = null;
        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files).as("no cache, nor its recording, from a run never ready").isEmpty();
        }

        assertThat(Files.size(runUntilReadyThenStop(archives))).as("a full cache, recorded by a run that was ready")
                .isGreaterThan(4_000_000L);
    }

    /** A run of the stand-in until it is healthy, then stopped; the cache it recorded as it exited. */
    private Path runUntilReadyThenStop(Path archives) throws IOException {
        running = process(Map.of());
        running.start();
        running.awaitHealthy(Duration.ofSeconds(60));
        running.stop();
        running = null;
        return onlyCache(archives);
    }

    private ServiceProcess process(Map<String, String> env) {
        SuiteOptions options = new SuiteOptions(root, "jdbc:postgresql://127.0.0.1:1/unused", "unused", "unused",
                OFFSET, SuiteSecrets.random(), null, Map.of(), false, root.resolve("archives"));
        Map<String, String> all = new HashMap<>(env);
        all.put("HELPDESK_PORT", String.valueOf(options.port(Service.CATEGORY)));
        return new ServiceProcess(Service.CATEGORY, options, all);
    }

    /** The one file in {@code archives}: the cache under its own name, its recording renamed. */
    private static Path onlyCache(Path archives) throws IOException {
        try (Stream<Path> files = Files.list(archives)) {
            List<Path> all = files.toList();
            assertThat(all).as("the cache the first run recorded, and nothing else").hasSize(1)
                    .allMatch(f -> f.toString().endsWith(".aot"));
            return all.getFirst();
        }
    }

    /** analytics-category's place in the layout the launcher looks in, holding {@link AnswersHealth}. */
    private void standInJar() throws IOException {
        Path target = Files.createDirectories(root.resolve("analytics-category").resolve("target"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AnswersHealth.class.getName());
        String entry = AnswersHealth.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(target.resolve("analytics-category-0-all.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry(entry));
            try (var in = AnswersHealth.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(jar);
            }
            jar.closeEntry();
        }
    }
}
