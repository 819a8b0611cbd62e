package campus.helpdesk.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The output of one service. The operating system writes it straight into a file under the module's target
 * folder (nothing is lost when a service or the launcher dies: a pipe read by a Java thread can drop the last
 * lines of a process that exits); a follower echoes new lines to the console with a {@code [module]} prefix,
 * and a start failure quotes the file's last lines.
 */
final class ProcessLog {

    private static final int TAIL_LINES = 60;

    private final String name;
    private final Path file;
    private final PrintStream console;
    private boolean firstStart = true;
    private volatile Thread echo;

    ProcessLog(String name, Path file, PrintStream console) {
        this.name = name;
        this.file = file;
        this.console = console;
    }

    Path file() {
        return file;
    }

    /** Where the next process writes: the file, emptied on the first start of a suite, appended to on restarts. */
    ProcessBuilder.Redirect redirect() {
        try {
            Files.createDirectories(file.getParent());
            if (firstStart) {
                Files.deleteIfExists(file);
                firstStart = false;
            }
            Files.writeString(file, "", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log of " + name + " to " + file, e);
        }
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }

    /** Echoes the lines the process appends to the console until it has ended and its last lines are shown. */
    void follow(Process process) {
        if (console == null) {
            return;
        }
        long start = size();
        echo = Thread.ofPlatform().daemon().name("log-" + name).start(() -> echo(process, start));
    }

    private void echo(Process process, long from) {
        long offset = from;
        StringBuilder partial = new StringBuilder();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] buffer = new byte[16384];
            while (true) {
                boolean ended = !process.isAlive();
                in.seek(offset);
                int n;
                while ((n = in.read(buffer)) > 0) {
                    offset += n;
                    partial.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    printCompleteLines(partial);
                }
                if (ended) {
                    return;
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // The log file went away (a clean, say) or the launcher is exiting: stop echoing.
        }
    }

    private void printCompleteLines(StringBuilder partial) {
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            console.println("[" + name + "] " + partial.substring(0, newline));
            partial.delete(0, newline + 1);
        }
    }

    /**
     * A line of the launcher's own about this process, after what the process wrote: in its log, and on the console
     * when the log is shown. Written once the echo of an ended process has shown its last lines, so that the echo
     * does not show this line a second time.
     */
    void note(String line) {
        Thread previous = echo;
        if (previous != null) {
            try {
                previous.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.writeString(file, "launcher: " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The console line below still tells the user.
        }
        if (console != null) {
            console.println("[" + name + "] " + line);
        }
    }

    /** The last lines of the file, for an error message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            ArrayDeque<String> last = new ArrayDeque<>(lines.subList(Math.max(0, lines.size() - TAIL_LINES),
                    lines.size()));
            return last.isEmpty() ? "(no output)" : String.join("\n", last);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** How many bytes the processes have written so far: growing while a service still makes progress. */
    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
