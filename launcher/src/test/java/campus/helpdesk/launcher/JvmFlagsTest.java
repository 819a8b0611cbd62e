package campus.helpdesk.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JvmFlagsTest {

    @TempDir
    Path dir;

    @Test
    void eachServiceGetsItsOwnHeapCeiling() throws IOException {
        Path jar = jar("analytics-resolution-time", 1_000);

        assertThat(JvmFlags.of(Service.RESOLUTION_TIME, jar, dir, 21)).contains("-Xmx512m", "-XX:+UseSerialGC");
        assertThat(JvmFlags.of(Service.GATEWAY, jar("gateway", 1_000), dir, 21)).contains("-Xmx128m");
    }

    @Test
    void theNativeHeapIsTrimmedWhereTheFlagIsAProductOne() throws IOException {
        Path jar = jar("gateway", 1_000);

        assertThat(JvmFlags.of(Service.GATEWAY, jar, dir, 25)).contains(JvmFlags.TRIM_NATIVE_HEAP);
        assertThat(JvmFlags.of(Service.GATEWAY, jar, dir, 21)).doesNotContain(JvmFlags.TRIM_NATIVE_HEAP);
    }

    @Test
    void aCacheIsRecordedOnlyWhereTheDiskHasRoomForIt() {
        Path notYet = dir.resolve("jvm-archives");
        assertThat(JvmFlags.roomToRecord(notYet, 0)).as("a folder not made yet: its disk's room").isTrue();
        assertThat(JvmFlags.roomToRecord(notYet, Long.MAX_VALUE)).isFalse();
        assertThat(JvmFlags.ROOM_TO_RECORD).isGreaterThanOrEqualTo(1L << 30);
    }

    @Test
    void onlyTheRunThatMapsACacheNamesOne() throws IOException {
        Path jar = jar("gateway", 1_000);
        Path cache = dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot");

        assertThat(JvmFlags.mappedCache(JvmFlags.of(Service.GATEWAY, jar, dir, 25))).isNull();
        Files.writeString(cache, "written by the first run's exit");
        assertThat(JvmFlags.mappedCache(JvmFlags.of(Service.GATEWAY, jar, dir, 25))).isEqualTo(cache);
        assertThat(JvmFlags.mappedCache(JvmFlags.of(Service.GATEWAY, jar, dir, 21))).isNull();
    }

    @Test
    void beforeJdk25TheDynamicArchiveIsKeptInTheArchiveFolder() throws IOException {
        List<String> flags = JvmFlags.archive(Service.CATEGORY, jar("analytics-category", 1_000), dir, 21);

        assertThat(flags).contains("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + dir.resolve("analytics-category.jsa"));
        assertThat(String.join(" ", flags)).doesNotContain("AOTCache");
    }

    @Test
    void onJdk25TheFirstRunWritesTheAotCacheAndLaterRunsMapIt() throws IOException {
        Path jar = jar("gateway", 1_000);
        Path cache = dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot");

        assertThat(JvmFlags.archive(Service.GATEWAY, jar, dir, 25))
                .contains("-XX:AOTCacheOutput=" + JvmFlags.recording(cache));
        Files.writeString(cache, "written by the first run's exit");
        assertThat(JvmFlags.archive(Service.GATEWAY, jar, dir, 25)).contains("-XX:AOTCache=" + cache);
    }

    @Test
    void onlyTheRunWithoutAnArchiveWritesOneOnExit() throws IOException {
        Path jar = jar("gateway", 1_000);
        assertThat(JvmFlags.writesArchiveOnExit(JvmFlags.archive(Service.GATEWAY, jar, dir, 25))).isTrue();
        assertThat(JvmFlags.writesArchiveOnExit(JvmFlags.archive(Service.GATEWAY, jar, dir, 21))).isTrue();

        Files.writeString(dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot"), "written");
        Files.writeString(dir.resolve("gateway.jsa"), "written");

        assertThat(JvmFlags.writesArchiveOnExit(JvmFlags.archive(Service.GATEWAY, jar, dir, 25))).isFalse();
        assertThat(JvmFlags.writesArchiveOnExit(JvmFlags.archive(Service.GATEWAY, jar, dir, 21))).isFalse();
    }

    @Test
    void theArchiveARunWritesIsNamedOnlyForTheRunThatWritesIt() throws IOException {
        Path jar = jar("gateway", 1_000);
        Path cache = dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot");
        assertThat(JvmFlags.recordedArchive(JvmFlags.archive(Service.GATEWAY, jar, dir, 25)))
                .isEqualTo(JvmFlags.recording(cache));
        assertThat(JvmFlags.recordedArchive(JvmFlags.archive(Service.GATEWAY, jar, dir, 21)))
                .isEqualTo(dir.resolve("gateway.jsa"));

        Files.writeString(cache, "written");
        Files.writeString(dir.resolve("gateway.jsa"), "written");
        assertThat(JvmFlags.recordedArchive(JvmFlags.archive(Service.GATEWAY, jar, dir, 25))).isNull();
        assertThat(JvmFlags.recordedArchive(JvmFlags.archive(Service.GATEWAY, jar, dir, 21))).isNull();
    }

    @Test
    void aRebuiltJarGetsANewCacheAndTheOldOneIsRemoved() throws IOException {
        Path jar = jar("gateway", 1_000);
        Path old = dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot");
        Files.writeString(old, "the cache of the previous build");
        Path otherService = Files.writeString(dir.resolve("ticket-service-1-2.aot"), "another service's cache");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000));
        List<String> flags = JvmFlags.archive(Service.GATEWAY, jar, dir, 25);

        assertThat(flags).contains("-XX:AOTCacheOutput="
                + JvmFlags.recording(dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot")));
        assertThat(old).doesNotExist();
        assertThat(otherService).exists();
    }

    /** The configuration file an older launcher's recording left beside its cache goes with the cache. */
    @Test
    void anUpgradeRemovesTheConfigurationFilesOlderLaunchersLeftBesideTheirCaches() throws IOException {
        Path jar = jar("gateway", 1_000);
        Path oldConfig = Files.writeString(dir.resolve("gateway-900-1000.aot.config"), "an older launcher's");
        Path sameBuildsConfig = Files.writeString(dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot.config"),
                "an older launcher's, of this very build");
        Path otherService = Files.writeString(dir.resolve("ticket-service-1-2.aot.config"), "another service's");

        JvmFlags.archive(Service.GATEWAY, jar, dir, 25);

        assertThat(oldConfig).doesNotExist();
        assertThat(sameBuildsConfig).doesNotExist();
        assertThat(otherService).exists();
    }

    /**
     * Two desks (or test JVMs) starting one build at once each record the cache under a name of their own; the one
     * kept is the cache's own name, whichever finishes.
     */
    @Test
    void aFirstRunRecordsUnderItsLaunchersOwnNameThatBecomesTheCachesName() throws IOException {
        Path jar = jar("gateway", 1_000);
        Path cache = dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot");

        Path recording = JvmFlags.recordedArchive(JvmFlags.archive(Service.GATEWAY, jar, dir, 25));

        assertThat(recording.getFileName().toString()).isEqualTo(cache.getFileName() + "."
                + ProcessHandle.current().pid() + ".recording");
        assertThat(JvmFlags.keptAs(recording)).isEqualTo(cache);
        assertThat(JvmFlags.keptAs(cache)).isEqualTo(cache);
        assertThat(JvmFlags.keptAs(dir.resolve("gateway.jsa"))).isEqualTo(dir.resolve("gateway.jsa"));
    }

    /** A launcher killed while a service recorded leaves its recording behind: removed once that launcher is gone. */
    @Test
    void theRecordingsOfLaunchersThatAreGoneAreRemovedAndALiveOnesKept() throws Exception {
        Path jar = jar("gateway", 1_000);
        Path cache = dir.resolve("gateway-" + JvmFlags.jarVersion(jar) + ".aot");
        Process gone = new ProcessBuilder(ServiceProcess.javaExecutable(), "-version").start();
        gone.waitFor(60, TimeUnit.SECONDS);
        Path abandoned = Files.writeString(dir.resolve(cache.getFileName() + "." + gone.pid() + ".recording"), "half");
        Path abandonedConfig = Files.writeString(dir.resolve(abandoned.getFileName() + ".config"), "half");
        Path live = Files.writeString(JvmFlags.recording(cache), "being written");

        JvmFlags.archive(Service.GATEWAY, jar, dir, 25);

        assertThat(abandoned).doesNotExist();
        assertThat(abandonedConfig).doesNotExist();
        assertThat(live).exists();
    }

    /** The flags this JDK is given are ones it knows: an unknown -XX flag stops a JVM before it starts. */
    @Test
    void theRunningJdkAcceptsTheFlags() throws Exception {
        Path jar = jar("analytics-category", 1_000);
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable()));
        command.addAll(JvmFlags.of(Service.CATEGORY, jar, dir, Runtime.version().feature()));
        command.add("-version");

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("Unrecognized", "Error:");
    }

    private Path jar(String module, long modified) throws IOException {
        Path jar = Files.writeString(dir.resolve(module + "-0.1.0-all.jar"), "not really a jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(modified));
        return jar;
    }
}
