package campus.helpdesk.launcher.psql;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.Args;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.postgres.RunningDatabase;
import campus.helpdesk.launcher.up.UpCommand;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./helpdesk psql [psql arguments]}: the PostgreSQL client on the embedded database, signed in as the
 * owner, so nobody needs to copy a password out of {@code .helpdesk/secrets/}. The password reaches psql in its
 * environment ({@code PGPASSWORD}), which other users cannot read, never on its command line, which they can.
 */
public final class PsqlCommand {

    public static final String USAGE = """
              psql [--pg-port P] [--data-dir DIR] [psql arguments]
                  Opens psql on the running embedded database as its owner (helpdesk), e.g.
                  ./helpdesk psql -c 'select count(*) from tickets'. Needs the psql client
                  (apt-get install postgresql-client) and a running ./helpdesk up.
            """;
    private static final Set<String> OWN_OPTIONS = Set.of("pg-port", "data-dir");

    private final Path root;
    private final Args args;
    private final List<String> psqlArguments;

    public PsqlCommand(Path root, List<String> arguments) {
        this.root = root;
        List<String> own = new ArrayList<>();
        this.psqlArguments = new ArrayList<>();
        split(arguments, own, psqlArguments);
        this.args = Args.parse(own, Set.of(), OWN_OPTIONS);
    }

    /** Runs psql in this terminal and returns its exit status. */
    public int run() {
        int port = args.intValue("pg-port", EmbeddedDatabase.DEFAULT_PORT, 1024, 65535);
        Path psql = findOnPath("psql").orElseThrow(() -> new SuiteException(
                "psql is not installed: apt-get install postgresql-client (or your system's PostgreSQL client)"));
        DatabaseTarget owner = RunningDatabase.owner(UpCommand.dataDir(root, args), port);
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

    /** Our options ({@code --pg-port}, {@code --data-dir}) out of the line, everything else for psql as it came. */
    static void split(List<String> arguments, List<String> own, List<String> forPsql) {
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
            if (OWN_OPTIONS.contains(name)) {
                own.add(arg);
                if (!arg.contains("=") && i + 1 < arguments.size()) {
                    own.add(arguments.get(++i));
                }
            } else {
                forPsql.add(arg);
            }
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
