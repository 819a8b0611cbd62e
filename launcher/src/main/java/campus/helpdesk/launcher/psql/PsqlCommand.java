package campus.helpdesk.launcher.psql;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DatabaseOptions;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.postgres.RunningDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./helpdesk psql [psql arguments]}: the PostgreSQL client on the embedded database, signed in as the
 * owner, so nobody needs to copy a password out of {@code .helpdesk/secrets/}. The password reaches psql in its
 * environment ({@code PGPASSWORD}), which other users cannot read, never on its command line, which they can.
 */
@Command(name = "psql", description = {
        "Opens psql on the running embedded database as its owner (helpdesk).",
        "E.g. ./helpdesk psql -c 'select count(*) from tickets'. Needs the psql client (apt-get install "
                + "postgresql-client) and a running ./helpdesk up.",
        "Every argument but --pg-port and --data-dir goes to psql as it is, -h included; --help as the first "
                + "argument shows this help, later it goes to psql."})
public final class PsqlCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "PSQL_ARGUMENT", description = "passed to psql untouched")
    List<String> psqlArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Path root;

    public PsqlCommand(Path root) {
        this.root = root;
    }

    /**
     * Arguments that look like options but are not ours ({@code -c}, {@code -h}, {@code --csv}) are psql's:
     * the command line hands them over as they are.
     */
    public static CommandLine configure(CommandLine psql) {
        return psql.setUnmatchedOptionsArePositionalParams(true);
    }

    /** What goes to psql, in order. */
    public List<String> arguments() {
        return List.copyOf(psqlArguments);
    }

    /** Runs psql in this terminal and returns its exit status. */
    @Override
    public Integer call() {
        if (!psqlArguments.isEmpty() && psqlArguments.getFirst().equals("--help")) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        int port = database.runningPort(root);
        Path psql = findOnPath("psql").orElseThrow(() -> new SuiteException(
                "psql is not installed: apt-get install postgresql-client (or your system's PostgreSQL client)"));
        DatabaseTarget owner = RunningDatabase.owner(database.home(root), port);
        List<String> command = new ArrayList<>(List.of(psql.toString(), "--host=127.0.0.1", "--port=" + port,
                "--username=" + owner.user(), "--dbname=helpdesk"));
        command.addAll(psqlArguments);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("PGPASSWORD", owner.password());
        // A PGPASSFILE or service file of the user's own must not choose another password or server.
        builder.environment().remove("PGPASSFILE");
        builder.environment().remove("PGSERVICE");
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new SuiteException("Cannot run " + psql + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    public static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
