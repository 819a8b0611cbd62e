package campus.helpdesk.launcher.desk;

import campus.helpdesk.launcher.Suite;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DataDirOption;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.postgres.DataFolder;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./helpdesk stop}: stops the desk of a data folder as Ctrl-C in its terminal would (SIGTERM to its launcher,
 * whose shutdown stops the services, then PostgreSQL), for a desk started in the background or in another terminal,
 * and waits until it is stopped. With no launcher running it stops what a killed one left running, as {@code up}
 * would before starting.
 */
@Command(name = "stop", description = {
        "Stops the desk of a data folder (as Ctrl-C in the terminal of its ./helpdesk up) and waits until it has.",
        "Without a running desk, stops what a launcher that was killed left running."})
public final class StopCommand implements java.util.concurrent.Callable<Integer> {

    /** The first stop after a build saves the services' start-up caches: up to a minute or two on a small machine. */
    static final Duration AT_MOST = Duration.ofMinutes(4);
    private static final Duration SAY_EVERY = Duration.ofSeconds(15);

    @Mixin
    DataDirOption dataDir;

    @Mixin
    HelpOption help;

    private final Path root;
    private final PrintStream out;

    public StopCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path home = dataDir.home(root);
        Optional<ProcessHandle> launcher = RunningDesk.on(home).flatMap(RunningDesk::launcher);
        if (launcher.isPresent()) {
            stop(launcher.get(), home);
            return 0;
        }
        Suite.stopLeftOver(root, out);
        if (Files.isDirectory(home)) {
            // A launcher this command did not recognise still holds the folder: its services are not left over.
            DataFolder.requireNotInUse(home);
        }
        LeftOverServices.stop(home, out);
        if (Files.isDirectory(home)) {
            EmbeddedDatabase.stopLeftOver(home, out);
        }
        out.println("Campus Helpdesk is not running (data folder " + home + ").");
        return 0;
    }

    private void stop(ProcessHandle launcher, Path home) {
        out.println("Stopping Campus Helpdesk (launcher pid " + launcher.pid() + "; data folder " + home + ")...");
        if (!launcher.destroy()) {
            throw new SuiteException("Cannot signal the launcher (pid " + launcher.pid() + "): it runs as another user");
        }
        long waited = 0;
        while (true) {
            try {
                launcher.onExit().get(SAY_EVERY.toSeconds(), TimeUnit.SECONDS);
                out.println("Stopped.");
                return;
            } catch (TimeoutException e) {
                waited += SAY_EVERY.toSeconds();
                if (waited >= AT_MOST.toSeconds()) {
                    throw new SuiteException("The launcher (pid " + launcher.pid() + ") has not stopped within "
                            + AT_MOST.toMinutes() + " minutes; its terminal or log says what it waits for");
                }
                // Not "the first stop after a build" every time: a later stop on a loaded machine was slow too, and
                // the line gave it a reason that was not its own.
                out.println("Still stopping after " + waited + " s (each service finishes what it is doing and, "
                        + "after a build, saves its start-up cache)...");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteException("Interrupted while the desk stops; it goes on stopping by itself");
            } catch (ExecutionException e) {
                throw new SuiteException("Cannot wait for the launcher (pid " + launcher.pid() + "): " + e.getMessage());
            }
        }
    }
}
