package campus.helpdesk.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * The output of one service: always kept as a file (for diagnosis after the fact) and as the last lines in
 * memory (so a start failure can show why); echoed to the console with a {@code [module]} prefix on request.
 */
final class ProcessLog {

    private static final int TAIL_LINES = 80;

    private final String name;
    private final Path file;
    private final PrintStream console;
    private final ArrayDeque<String> tail = new ArrayDeque<>(TAIL_LINES);
    private boolean firstStart = true;

    ProcessLog(String name, Path file, PrintStream console) {
        this.name = name;
        this.file = file;
        this.console = console;
    }

    Path file() {
        return file;
    }

    /** Starts a daemon thread copying the process's merged stdout/stderr until it ends. */
    void follow(InputStream output) {
        Writer writer = openFile();
        Thread pump = Thread.ofPlatform().daemon().name("log-" + name).unstarted(() -> copy(output, writer));
        pump.start();
    }

    synchronized String tail() {
        return tail.isEmpty() ? "(no output)" : String.join("\n", tail);
    }

    private Writer openFile() {
        try {
            Files.createDirectories(file.getParent());
            // Truncated on the first start of a suite, appended to when a test restarts the service.
            StandardOpenOption mode = firstStart ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            firstStart = false;
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log of " + name + " to " + file, e);
        }
    }

    private void copy(InputStream output, Writer writer) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             writer) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                writer.write(line);
                writer.write('\n');
                writer.flush();
                if (console != null) {
                    console.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // The process ended or was killed: its pipe closing is the normal way out of this loop.
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }
}
