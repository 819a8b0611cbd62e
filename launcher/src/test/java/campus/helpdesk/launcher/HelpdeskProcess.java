package campus.helpdesk.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./helpdesk} as a user runs it beside a test: a JVM of its own on the test's classpath. */
public final class HelpdeskProcess {

    /** How it ended: its exit status, and everything it printed (standard output and error). */
    public record Run(int exit, String output) {
    }

    private HelpdeskProcess() {
    }

    /** Runs {@code args} with {@code root} as the project folder (null: the launcher finds its own) and waits. */
    public static Run run(Path root, int waitSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        if (root != null) {
            command.add("-Dhelpdesk.home=" + root);
        }
        command.add("campus.helpdesk.launcher.Helpdesk");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(waitSeconds, TimeUnit.SECONDS)).as("exits within " + waitSeconds + " s").isTrue();
        return new Run(process.exitValue(), output);
    }
}
