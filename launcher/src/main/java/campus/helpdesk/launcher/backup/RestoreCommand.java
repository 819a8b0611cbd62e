package campus.helpdesk.launcher.backup;

import campus.helpdesk.launcher.cli.DataDirOption;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.up.UpCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./helpdesk restore FILE}: a backup unpacked into a data folder that holds no desk yet. */
@Command(name = "restore", sortOptions = false, description = {
        "Unpacks a backup made by ./helpdesk backup into a data folder that holds no desk (a new --data-dir, or the "
                + "default one once its desk has been moved away); ./helpdesk up on it then opens the desk as it was "
                + "when the backup ended.",
        "A folder with a database or secrets of its own is never written over."})
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a file written by ./helpdesk backup")
    String file;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    HelpOption help;

    private final Path root;
    private final PrintStream out;

    public RestoreCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path home = dataDir.home(root);
        Restore.Restored restored = Restore.into(BackupCommand.path(file), home);
        out.println("Restored the backup made " + restored.made() + " into " + home + " (" + restored.files()
                + " files).");
        out.println("Start it with: ./helpdesk up" + UpCommand.dataDirFlag(root, home)
                + " (PostgreSQL first replays what was written while the backup ran).");
        return 0;
    }
}
