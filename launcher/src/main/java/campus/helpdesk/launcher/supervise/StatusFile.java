package campus.helpdesk.launcher.supervise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code .helpdesk/status.json}: what the supervisor knows about each process, for whoever shows it (the
 * gateway's About page). Rewritten whole on every change and moved into place, so a reader never sees half:
 *
 * <pre>{@code
 * {"launcherPid": 4242, "updated": "2026-11-23T10:15:02Z", "services": {
 *   "ticket-service": {"state": "UP", "restarts": 1, "since": "2026-11-23T10:15:02Z", "pid": 4711,
 *                      "lastFailure": "exited (code 137)", "log": "/srv/helpdesk/ticket-service/target/..."},
 *   ...}}
 * }</pre>
 * {@code since} is when the current state began (for UP: the uptime's start); {@code launcherPid} tells a
 * reader whether the file is current (that process runs) or left over.
 */
final class StatusFile {

    /** One process's line. */
    record Entry(Supervisor.State state, int restarts, Instant since, long pid, String lastFailure, Path log) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    StatusFile(Path file) {
        this.file = file;
    }

    synchronized void put(String name, Entry entry, Instant now) {
        entries.put(name, entry);
        write(now);
    }

    synchronized Entry get(String name) {
        return entries.get(name);
    }

    private void write(Instant now) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, json(now), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Only a window for others; the supervision itself goes on without it.
            System.err.println("[launcher] cannot write " + file + ": " + e.getMessage());
        }
    }

    private String json(Instant now) {
        StringBuilder out = new StringBuilder("{\n  \"launcherPid\": ").append(ProcessHandle.current().pid())
                .append(",\n  \"updated\": ").append(string(now.toString())).append(",\n  \"services\": {");
        String separator = "\n";
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            out.append(separator).append("    ").append(string(e.getKey())).append(": {")
                    .append("\"state\": ").append(string(entry.state().name()))
                    .append(", \"restarts\": ").append(entry.restarts())
                    .append(", \"since\": ").append(string(entry.since().toString()))
                    .append(", \"pid\": ").append(entry.pid())
                    .append(", \"lastFailure\": ").append(entry.lastFailure() == null ? "null"
                            : string(entry.lastFailure()))
                    .append(", \"log\": ").append(string(entry.log().toString())).append('}');
            separator = ",\n";
        }
        return out.append("\n  }\n}\n").toString();
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
