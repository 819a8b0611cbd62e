package campus.helpdesk.gateway.about;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisionTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void aCurrentStatusFileGivesEachProcessItsStateRestartsAndSince(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        Files.writeString(file, status(ProcessHandle.current().pid(), Instant.now()));
        Supervision supervision = new Supervision(file.toString(), json);
        Supervision.Process ticketService = supervision.of("ticket-service").orElseThrow();
        assertThat(ticketService.state()).isEqualTo("UP");
        assertThat(ticketService.restarts()).isEqualTo(2);
        assertThat(ticketService.lastFailure()).isEqualTo("exited (code 137)");
        assertThat(supervision.of("nobody")).isEmpty();
    }

    @Test
    void aFileLeftOverByALauncherThatNoLongerRunsSaysNothingWatchesItsProcesses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        Files.writeString(file, status(Long.MAX_VALUE, Instant.now()));
        Supervision.Process orphan = new Supervision(file.toString(), json).of("ticket-service").orElseThrow();
        assertThat(orphan.state()).isEqualTo(Supervision.UNSUPERVISED);
        assertThat(orphan.restarts()).isEqualTo(2);
        assertThat(orphan.since()).as("nobody knows since when it runs").isNull();
        assertThat(new Supervision(file.toString(), json).of("nobody")).isEmpty();
    }

    @Test
    void noFileOrAnUnreadableOneMeansNoSupervision(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        assertThat(new Supervision(dir.resolve("missing.json").toString(), json).of("ticket-service")).isEmpty();
        assertThat(new Supervision("", json).of("ticket-service")).isEmpty();
        Files.writeString(file, "{ not json");
        assertThat(new Supervision(file.toString(), json).of("ticket-service")).isEmpty();
    }

    /**
     * A launcher that runs but has not rewritten its file for longer than its heartbeat allows hangs or was stopped:
     * what its file says is not believed (it called UP a service that had died meanwhile); nothing watches them.
     */
    @Test
    void aFileItsLauncherHasNotRewrittenForHalfAMinuteMeansNothingWatches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        Files.writeString(file, status(ProcessHandle.current().pid(), Instant.now().minusSeconds(45)));
        assertThat(new Supervision(file.toString(), json).of("ticket-service").orElseThrow().state())
                .isEqualTo(Supervision.UNSUPERVISED);
        Files.writeString(file, status(ProcessHandle.current().pid(), Instant.now().minusSeconds(15)));
        assertThat(new Supervision(file.toString(), json).of("ticket-service")).isPresent();
    }

    private static String status(long launcherPid, Instant updated) {
        return """
                {"launcherPid": %d, "updated": "%s", "services": {
                  "ticket-service": {"state": "UP", "restarts": 2, "since": "2026-12-01T09:58:00Z", "pid": 1,
                                     "lastFailure": "exited (code 137)", "log": "/x/ticket-service.log"}}}
                """.formatted(launcherPid, updated);
    }
}
