package campus.helpdesk.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Remembers which process runs a service and which launcher started it. A launcher killed without running its
 * shutdown hook (kill -9, a test JVM that timed out) leaves its services running and holding their ports;
 * the next start finds them here and stops them, but only when their launcher is gone, so a second live
 * suite is never touched.
 */
final class PidFile {

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    void write(long servicePid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, servicePid + " " + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            // Only a convenience for the next start; the suite runs fine without it.
        }
    }

    /**
     * Stops the recorded service process if its launcher has died and it still runs {@code jarMarker}; the file is
     * forgotten then, or when it names no live launcher. A live launcher's file is kept: it is how its desk is found.
     * Returns the process id it stopped, if any.
     */
    OptionalLong stopOrphan(String jarMarker) {
        if (launcherAlive()) {
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> orphan = recorded()
                .filter(p -> p.info().commandLine().orElse("").contains(jarMarker));
        orphan.ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Harmless: rewritten on the next start.
        }
        return orphan.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    private boolean launcherAlive() {
        try {
            if (!Files.exists(file)) {
                return false;
            }
            String[] pids = Files.readString(file).trim().split("\\s+");
            return ProcessHandle.of(Long.parseLong(pids[1])).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Optional<ProcessHandle> recorded() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] pids = Files.readString(file).trim().split("\\s+");
            long service = Long.parseLong(pids[0]);
            long launcher = Long.parseLong(pids[1]);
            boolean launcherAlive = ProcessHandle.of(launcher).map(ProcessHandle::isAlive).orElse(false);
            return launcherAlive ? Optional.empty() : ProcessHandle.of(service).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
