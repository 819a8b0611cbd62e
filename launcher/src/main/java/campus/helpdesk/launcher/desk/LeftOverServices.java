package campus.helpdesk.launcher.desk;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services a killed launcher left running on a data folder, as its status file names them, whichever checkout
 * started them. The pid files under this checkout's {@code target/} find only its own: after an upgrade unpacked
 * into a new folder, the old release's services held the ports with nothing able to stop them (a tester's finding:
 * {@code up} stopped PostgreSQL under them, then refused for a taken port; {@code stop} said "not running").
 */
public final class LeftOverServices {

    private LeftOverServices() {
    }

    /**
     * Stops each service the folder's status file names whose process still runs that service's jar (any checkout's,
     * never another program that got the pid since); says each on {@code out}. Nothing while the launcher lives.
     * PostgreSQL is left to {@code EmbeddedDatabase.stopLeftOver}, which knows its data folder's own lock.
     */
    public static void stop(Path home, PrintStream out) {
        RunningDesk.on(home).ifPresent(desk -> {
            for (Map.Entry<String, Long> left : desk.leftOver().entrySet()) {
                String name = left.getKey();
                if (name.equals("postgresql")) {
                    continue;
                }
                ProcessHandle.of(left.getValue())
                        .filter(p -> p.info().commandLine().map(line -> runsJarOf(line, name)).orElse(false))
                        // A pid reused by another desk's service: that one has its launcher as its parent.
                        .filter(p -> p.parent().filter(LeftOverServices::isLauncher).isEmpty())
                        .ifPresent(p -> {
                            stop(p);
                            out.println("Stopped " + name + " (pid " + p.pid() + "), left running by a launcher that "
                                    + "was killed");
                        });
            }
        });
    }

    /** A service's jar is {@code <module>-<version>-all.jar}, wherever the checkout or release lies. */
    static boolean runsJarOf(String commandLine, String module) {
        return commandLine.matches("(?s).*(^|[/\\s])" + java.util.regex.Pattern.quote(module) + "-[^/\\s]*-all\\.jar.*");
    }

    private static boolean isLauncher(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine().map(line -> runsJarOf(line, "launcher")
                || line.contains("campus.helpdesk.launcher.Helpdesk")).orElse(false);
    }

    /** As the launcher stops its own: time to save a start-up cache on the way out, then no more. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            try {
                // Its port is checked next.
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                // Then the port check says which port is taken.
            }
        }
    }
}
