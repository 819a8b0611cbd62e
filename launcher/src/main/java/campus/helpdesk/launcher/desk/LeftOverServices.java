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

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
