package campus.helpdesk.launcher.supervise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The status file read back as it was written, the address once the desk has started, odd reasons included. */
class StatusFileTest {

    @TempDir
    Path folder;

    @Test
    void whatIsWrittenIsReadBackWithTheAddressOnceItIsSaid() {
        Path path = folder.resolve("status.json");
        StatusFile file = new StatusFile(path);
        Instant t = Instant.parse("2026-12-05T07:00:00.123456Z");
        file.put("postgresql", new StatusFile.Entry(Supervisor.State.UP, 0, t, 41, null, folder.resolve("pg.log")), t);
        String reason = "exited (code 137)\n\"quoted\" \\ back\u0001slash";
        file.put("ticket-service", new StatusFile.Entry(Supervisor.State.FAILING, 5, t, 42, reason,
                folder.resolve("ticket service.log")), t);

        StatusFile.Snapshot starting = StatusFile.read(path).orElseThrow();
        assertThat(starting.launcherPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(starting.launcherStarted()).isEqualTo(ProcessHandle.current().info().startInstant().orElse(null));
        assertThat(starting.url()).as("no address before the whole desk is up").isNull();
        assertThat(starting.entries()).containsOnlyKeys("postgresql", "ticket-service");
        StatusFile.Entry failing = starting.entries().get("ticket-service");
        assertThat(failing.state()).isEqualTo(Supervisor.State.FAILING);
        assertThat(failing.restarts()).isEqualTo(5);
        assertThat(failing.since()).isEqualTo(t);
        assertThat(failing.pid()).isEqualTo(42);
        assertThat(failing.lastFailure()).isEqualTo(reason);
        assertThat(failing.log()).isEqualTo(folder.resolve("ticket service.log"));
        assertThat(starting.entries().get("postgresql").lastFailure()).isNull();

        file.url("http://localhost:8080", t);
        assertThat(StatusFile.read(path).orElseThrow().url()).isEqualTo("http://localhost:8080");
    }

    @Test
    void aFileThatIsNotOneOfOursIsNoStatus() throws Exception {
        Path path = folder.resolve("status.json");
        assertThat(StatusFile.read(path)).as("no file").isEmpty();
        Files.writeString(path, "{\"services\": {}}");
        assertThat(StatusFile.read(path)).isEmpty();
        Files.writeString(path, "{\"launcherPid\": 7, \"services\": {\n \"gateway\": {\"state\": \"DANCING\", "
                + "\"restarts\": 0, \"since\": \"2026-12-05T07:00:00Z\", \"pid\": 8, \"lastFailure\": null, "
                + "\"log\": \"x\"}\n}}");
        assertThat(StatusFile.read(path)).as("a state no supervisor writes").isEmpty();
    }
}
