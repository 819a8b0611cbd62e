package campus.helpdesk.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a killed launcher left is stopped; what a live one runs, and the file that finds it, are left alone. */
class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void aLiveLaunchersServiceAndItsFileAreLeftAlone() throws Exception {
        Process service = new ProcessBuilder("sleep", "300").start();
        try {
            Path file = dir.resolve("svc.pid");
            Files.writeString(file, service.pid() + " " + ProcessHandle.current().pid() + "\n");

            new PidFile(file).stopOrphan("sleep");

            assertThat(service.isAlive()).isTrue();
            assertThat(file).as("a second up that is refused used to delete it").exists();
        } finally {
            service.destroyForcibly();
        }
    }

    @Test
    void aDeadLaunchersServiceIsStoppedAndItsFileForgotten() throws Exception {
        Process launcher = new ProcessBuilder("true").start();
        assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Process service = new ProcessBuilder("sleep", "300").start();
        try {
            Path file = dir.resolve("svc.pid");
            Files.writeString(file, service.pid() + " " + launcher.pid() + "\n");

            new PidFile(file).stopOrphan("sleep");

            assertThat(service.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(file).doesNotExist();
        } finally {
            service.destroyForcibly();
        }
    }
}
