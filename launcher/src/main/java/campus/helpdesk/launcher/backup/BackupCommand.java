package campus.helpdesk.launcher.backup;

import campus.helpdesk.launcher.cli.DatabaseOptions;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.cli.PathArgument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./helpdesk backup FILE}: the running embedded desk, database and secrets, into one file, without a stop. */
@Command(name = "backup", sortOptions = false, description = {
        "Writes a backup of the running embedded desk to FILE (a zip) while it keeps serving: the database and the "
                + "secrets it opens with. FILE holds every password of the desk: keep it as safe as the data folder.",
        "Restore it with ./helpdesk restore FILE --data-dir NEW_FOLDER, then ./helpdesk up --data-dir NEW_FOLDER."})
public final class BackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the backup to write (must not exist yet)")
    String file;

    @Mixin
    DatabaseOptions database;

    @Mixin
    HelpOption help;

    private final Path root;
    private final PrintStream out;

    public BackupCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path target = path(file);
        Path home = database.home(root);
        out.println("Backing up the desk of " + home + " to " + target + " ...");
        OnlineBackup.Made made = new OnlineBackup(home, database.runningPort(root)).writeTo(target);
        out.printf("Backup written: %s (%.1f MB, %d database files, %d WAL segments).%n", made.file(),
                made.bytes() / 1e6, made.files(), made.walSegments());
        out.println("It holds the desk's passwords: keep it where only you can read it.");
        return 0;
    }

    static Path path(String file) {
        return PathArgument.of("FILE", file);
    }
}
