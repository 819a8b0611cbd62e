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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .helpdesk/status.json}: what the supervisor knows about each process, for whoever shows it (the
 * gateway's About page). Rewritten whole on every change and moved into place, so a reader never sees half:
 *
 * <pre>{@code
 * {"launcherPid": 4242, "launcherStarted": "2026-11-23T10:14:40Z", "updated": "2026-11-23T10:15:02Z",
 *  "url": "http://localhost:8080", "services": {
 *   "ticket-service": {"state": "UP", "restarts": 1, "since": "2026-11-23T10:15:02Z", "pid": 4711,
 *                      "lastFailure": "exited (code 137)", "log": "/srv/helpdesk/ticket-service/target/..."},
 *   ...}}
 * }</pre>
 * {@code since} is when the current state began (for UP: the uptime's start); {@code launcherPid} tells a
 * reader whether the file is current (that process runs) or left over; {@code updated} is rewritten at least every
 * few seconds while the supervisor works (its heartbeat), so a launcher that still exists but hangs, or was stopped
 * with SIGSTOP, is told from one that supervises ({@link #SILENT_AFTER}); {@code url}, the address to open, is there
 * once the whole desk has started. {@link #read} reads it back for {@code ./helpdesk status} and {@code stop}.
 */
public final class StatusFile {

    /**
     * A file not rewritten for this long was written by a supervisor that no longer works: three of the default
     * policy's heartbeats (every five probe rounds, 10 s). Until then a process the file calls UP may have died
     * unseen: a hung launcher neither restarts it nor reaps it.
     */
    public static final java.time.Duration SILENT_AFTER = java.time.Duration.ofSeconds(30);

    /** One process's line. */
    public record Entry(Supervisor.State state, int restarts, Instant since, long pid, String lastFailure, Path log) {
    }

    /**
     * The file as read back: which launcher wrote it (its pid and, where the system tells, when that process started:
     * a pid is reused once its process is gone, a start time with it is not), the address (null while the desk
     * starts), each process.
     */
    public record Snapshot(long launcherPid, Instant launcherStarted, Instant updated, String url,
                           Map<String, Entry> entries) {

        /** Whether the supervisor has written nothing for {@link #SILENT_AFTER}: it hangs, or was stopped. */
        public boolean silentAt(Instant now) {
            return updated != null && updated.plus(SILENT_AFTER).isBefore(now);
        }
    }

    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern LAUNCHER = Pattern.compile("\"launcherPid\": (\\d+)");
    private static final Pattern URL = Pattern.compile("\"url\": " + STRING);
    private static final Pattern STARTED = Pattern.compile("\"launcherStarted\": \"([^\"]+)\"");
    private static final Pattern UPDATED = Pattern.compile("\"updated\": \"([^\"]+)\"");
    private static final Pattern ENTRY = Pattern.compile(STRING + ": \\{\"state\": \"(\\w+)\", \"restarts\": (\\d+), "
            + "\"since\": \"([^\"]+)\", \"pid\": (-?\\d+), \"lastFailure\": (?:null|" + STRING + "), \"log\": "
            + STRING + "\\}");

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private String url;

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

    /** The heartbeat: the same content, {@code updated} now. */
    synchronized void touch(Instant now) {
        write(now);
    }

    /** The address to open, said once the whole desk has started. */
    synchronized void url(String address, Instant now) {
        url = address;
        write(now);
    }

    /**
     * The file {@link #write} wrote, read back; empty when there is none or it is not one of ours (the format is
     * this class's own, one process per line, so it is read with the same patterns it is written by).
     */
    public static Optional<Snapshot> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        Matcher launcher = LAUNCHER.matcher(text);
        if (!launcher.find()) {
            return Optional.empty();
        }
        Matcher address = URL.matcher(text);
        Map<String, Entry> read = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(text);
        try {
            while (entry.find()) {
                read.put(unescape(entry.group(1)), new Entry(Supervisor.State.valueOf(entry.group(2)),
                        Integer.parseInt(entry.group(3)), Instant.parse(entry.group(4)), Long.parseLong(entry.group(5)),
                        entry.group(6) == null ? null : unescape(entry.group(6)), Path.of(unescape(entry.group(7)))));
            }
            Matcher started = STARTED.matcher(text);
            Matcher updated = UPDATED.matcher(text);
            return Optional.of(new Snapshot(Long.parseLong(launcher.group(1)),
                    started.find() ? Instant.parse(started.group(1)) : null,
                    updated.find() ? Instant.parse(updated.group(1)) : null,
                    address.find() ? unescape(address.group(1)) : null, read));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
        StringBuilder out = new StringBuilder("{\n  \"launcherPid\": ").append(ProcessHandle.current().pid());
        ProcessHandle.current().info().startInstant()
                .ifPresent(started -> out.append(",\n  \"launcherStarted\": ").append(string(started.toString())));
        out.append(",\n  \"updated\": ").append(string(now.toString()));
        if (url != null) {
            out.append(",\n  \"url\": ").append(string(url));
        }
        out.append(",\n  \"services\": {");
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

    /** The reverse of {@link #string}'s escapes. */
    static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\' || i + 1 == escaped.length()) {
                out.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
