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
 * the platform supervises there), and ignored when left over from a launcher that no longer runs, or from one that
 * has not rewritten it for {@link #SILENT_AFTER}: a launcher that hangs or was stopped watches nothing, and its file
 * went on calling UP a service that had died meanwhile.
 */
@Singleton
public class Supervision {

    /** One process as the supervisor sees it. */
    @Serdeable
    public record Process(String state, int restarts, @Nullable Instant since, @Nullable String lastFailure) {
    }

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
        return current().map(status -> status.services() == null ? null : status.services().get(name));
    }

    private Optional<StatusFile> current() {
        if (file == null || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            StatusFile status = json.readValue(Files.readAllBytes(file), Argument.of(StatusFile.class));
            boolean launcherRuns = ProcessHandle.of(status.launcherPid()).map(ProcessHandle::isAlive).orElse(false);
            boolean silent = status.updated() != null && status.updated().plus(SILENT_AFTER).isBefore(Instant.now());
            return launcherRuns && !silent ? Optional.of(status) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
