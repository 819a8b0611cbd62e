package campus.helpdesk.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of the cache a run recorded, once the run has exited, without a JVM: the recording is kept under the
 * cache's name only when the run was ready and stopped when asked; the JDK 21-24 archive, written under a name other
 * desks on this build share, is deleted only when its run was never ready.
 */
class StartUpCacheRulesTest {

    @TempDir
    Path dir;

    @Test
    void aReadyRunThatStoppedWhenAskedKeepsItsRecordingUnderTheCachesName() throws IOException {
        Path cache = dir.resolve("gateway-1-2.aot");
        StartUpCache startUpCache = recordingRun(cache);

        startUpCache.ready();
        startUpCache.exited(true);

        assertThat(cache).hasContent("recorded");
        assertThat(JvmFlags.recording(cache)).doesNotExist();
    }

    @Test
    void aRecordingIsDeletedWhenItsRunWasKilledOrNeverReady() throws IOException {
        Path cache = dir.resolve("gateway-1-2.aot");
        StartUpCache killed = recordingRun(cache);
        killed.ready();
        killed.exited(false);
        assertThat(JvmFlags.recording(cache)).doesNotExist();

        StartUpCache neverReady = recordingRun(cache);
        neverReady.exited(true);

        assertThat(JvmFlags.recording(cache)).doesNotExist();
        assertThat(cache).doesNotExist();
    }

    @Test
    void theSharedArchiveOfAReadyRunIsKeptEvenWhenItWasKilled() throws IOException {
        Path archive = dir.resolve("gateway.jsa");
        StartUpCache startUpCache = new StartUpCache(log());
        startUpCache.startedWith(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
        Files.writeString(archive, "written by the JDK");

        startUpCache.ready();
        startUpCache.exited(false);

        assertThat(archive).hasContent("written by the JDK");
    }

    /** A run started with the flags of a first run on JDK 25, which has written its recording as it exited. */
    private StartUpCache recordingRun(Path cache) throws IOException {
        StartUpCache startUpCache = new StartUpCache(log());
        startUpCache.startedWith(List.of("-XX:AOTCacheOutput=" + JvmFlags.recording(cache)));
        Files.writeString(JvmFlags.recording(cache), "recorded");
        return startUpCache;
    }

    private ProcessLog log() {
        return new ProcessLog("gateway", dir.resolve("gateway.log"), System.out);
    }
}
