package campus.helpdesk.gateway.about;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher's supervisor says about each process (state, restarts, up since), read from the status file
 * it keeps ({@code HELPDESK_STATUS_FILE}, set by {@code ./helpdesk up}). Absent elsewhere (compose, Kubernetes:
 * the platform supervises there). A file whose launcher no longer runs, or has not rewritten it for
 * {@link #SILENT_AFTER} (it hangs or was stopped), is not believed: it went on calling UP a service that had died
 * meanwhile. Each process it names is then {@link #UNSUPERVISED}: it may still run, and nothing restarts it. Said
 * so rather than left out: the About page dropped the database and every supervisor's word without one saying that
 * nothing was being watched any more (found by a tester who killed the launcher).
 */
@Singleton
public class Supervision {

    /** One process as the supervisor sees it. */
    @Serdeable
    public record Process(String state, int restarts, @Nullable Instant since, @Nullable String lastFailure) {
    }

    /** The state of a process whose supervisor is gone (see above). */
    static final String UNSUPERVISED = "UNSUPERVISED";

    /** The launcher's supervisor rewrites its file every 10 s; three missed beats, and it is not supervising. */
    static final Duration SILENT_AFTER = Duration.ofSeconds(30);

    @Serdeable
    record StatusFile(long launcherPid, @Nullable Instant updated, @Nullable Map<String, Process> services) {
    }

    private final @Nullable Path file;
    private final JsonMapper json;

    public Supervision(@Value("${helpdesk.status-file:}") String file, JsonMapper json) {
        this.file = file == null || file.isBlank() ? null : Path.of(file);
        this.json = json;
    }

    public Optional<Process> of(String name) {
        return read().map(status -> {
            Process process = status.file().services() == null ? null : status.file().services().get(name);
            if (process == null || status.believed()) {
                return process;
            }
            return new Process(UNSUPERVISED, process.restarts(), null, null);
        });
    }

    private record Read(StatusFile file, boolean believed) {
    }

    private Optional<Read> read() {
        if (file == null || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            StatusFile status = json.readValue(Files.readAllBytes(file), Argument.of(StatusFile.class));
            boolean launcherRuns = ProcessHandle.of(status.launcherPid()).map(ProcessHandle::isAlive).orElse(false);
            boolean silent = status.updated() != null && status.updated().plus(SILENT_AFTER).isBefore(Instant.now());
            return Optional.of(new Read(status, launcherRuns && !silent));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
