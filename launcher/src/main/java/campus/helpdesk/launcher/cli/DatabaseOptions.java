package campus.helpdesk.launcher.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --pg-port} and {@code --data-dir}: which embedded PostgreSQL, and where its data and secrets are. */
public final class DatabaseOptions {

    /** Where {@code ./helpdesk up} runs its embedded PostgreSQL unless told otherwise. */
    public static final int DEFAULT_PG_PORT = 15432;

    @Option(names = "--pg-port", paramLabel = "P", defaultValue = "" + DEFAULT_PG_PORT,
            description = "port of the embedded PostgreSQL (default ${DEFAULT-VALUE})")
    int port;

    @Mixin
    DataDirOption dataDir;

    public int port() {
        return WholeNumber.within("--pg-port", port, 1024, 65535);
    }

    /** The data folder: {@link DataDirOption#home}. */
    public Path home(Path root) {
        return dataDir.home(root);
    }
}
