package campus.helpdesk.launcher.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data-dir}: the desk's data folder (its database, secrets, status), for every command that finds a desk. */
public final class DataDirOption {

    /** The data folder when none is given, in the project folder. */
    public static final String DEFAULT_DATA_DIR = ".helpdesk";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the embedded PostgreSQL keeps its data and the secrets in secrets/ (a relative DIR "
                    + "from the current folder; default: " + DEFAULT_DATA_DIR + " in the project folder)")
    String dataDir;

    /**
     * {@code --data-dir} as given, a relative one from the folder the command was run in, as for any other
     * command's path; else {@code .helpdesk} in the project folder.
     */
    public Path home(Path root) {
        if (dataDir == null) {
            return root.resolve(DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        }
        return PathArgument.of("--data-dir", dataDir);
    }
}
