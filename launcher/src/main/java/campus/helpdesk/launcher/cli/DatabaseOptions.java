package campus.helpdesk.launcher.cli;

import campus.helpdesk.launcher.postgres.RunningDatabase;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --pg-port} and {@code --data-dir}: which embedded PostgreSQL, and where its data and secrets are. */
public final class DatabaseOptions {

    /** Where {@code ./helpdesk up} runs its embedded PostgreSQL unless told otherwise. */
    public static final int DEFAULT_PG_PORT = 15432;

    @Option(names = "--pg-port", paramLabel = "P",
            description = "port of the embedded PostgreSQL (default: the one the desk on the data folder runs, or "
                    + "ran last, else " + DEFAULT_PG_PORT + ")")
    Integer port;

    @Mixin
    DataDirOption dataDir;

    /** The port asked for, else the default: where {@code up} starts PostgreSQL. */
    public int port() {
        return port == null ? DEFAULT_PG_PORT : WholeNumber.within("--pg-port", port, 1024, 65535);
    }

    /**
     * For a command on a desk (psql, token, seed): the port asked for, else the one the data folder's running
     * PostgreSQL listens on, or listened on when it last ran, so that a desk started with {@code --pg-port} needs it
     * said only once.
     */
    public int runningPort(Path root) {
        if (port != null) {
            return port();
        }
        Path home = home(root);
        return RunningDatabase.listeningPort(home).orElse(RunningDatabase.lastPort(home).orElse(DEFAULT_PG_PORT));
    }

    /** The data folder: {@link DataDirOption#home}. */
    public Path home(Path root) {
        return dataDir.home(root);
    }
}
