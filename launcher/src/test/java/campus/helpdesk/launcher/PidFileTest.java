package campus.helpdesk.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * A desk killed with kill -9 that ran on other ports than the next one (another --port-offset) left its services
     * running for good: the next up looked only at the pid files of its own ports.
     */
    @Test
    void theNextUpStopsWhatAKilledLauncherLeftOnAnyPortAndSaysSo() throws Exception {
        Process deadLauncher = new ProcessBuilder("true").start();
        assertThat(deadLauncher.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Process orphan = fakeService(Service.TICKET_SERVICE);
        Process livesOn = fakeService(Service.GATEWAY);
        try {
            Files.writeString(pidFile(Service.TICKET_SERVICE, 8791), orphan.pid() + " " + deadLauncher.pid() + "\n");
            Files.writeString(pidFile(Service.GATEWAY, 8790), livesOn.pid() + " " + ProcessHandle.current().pid() + "\n");
            ByteArrayOutputStream said = new ByteArrayOutputStream();

            Suite.stopLeftOver(dir, new PrintStream(said, true, StandardCharsets.UTF_8));

            assertThat(orphan.waitFor(15, TimeUnit.SECONDS)).as("the killed launcher's service").isTrue();
            assertThat(said.toString(StandardCharsets.UTF_8)).isEqualTo("Stopped ticket-service (pid " + orphan.pid()
                    + "), left running by a launcher that was killed" + System.lineSeparator());
            assertThat(livesOn.isAlive()).as("a live launcher's service").isTrue();
            assertThat(pidFile(Service.GATEWAY, 8790)).exists();
        } finally {
            orphan.destroyForcibly();
            livesOn.destroyForcibly();
        }
    }

    /** A process whose command line names the service's jar in this checkout, as a service started by up does. */
    private Process fakeService(Service service) throws Exception {
        String jar = ServiceProcess.jarMarker(dir, service) + "0.1.0-all.jar";
        return new ProcessBuilder("sh", "-c", "sleep 300; :", jar).start();
    }

    private Path pidFile(Service service, int port) throws Exception {
        Path file = dir.resolve(service.module()).resolve("target").resolve(service.module() + "-" + port + ".pid");
        Files.createDirectories(file.getParent());
        return file;
    }
}
