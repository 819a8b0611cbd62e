package campus.helpdesk.launcher.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --pg-port} and {@code --data-dir}: which embedded PostgreSQL, and where its data and secrets are. */
public final class DatabaseOptions {

    /** Where {@code ./helpdesk up} runs its embedded PostgreSQL unless told otherwise. */
    public static final int DEFAULT_PG_PORT = 15432;

    @Option(names = "--pg-port", paramLabel = "P", defaultValue = "" + DEFAULT_PG_PORT,
            description = "port of the embedded PostgreSQL (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".helpdesk",
            description = "where the embedded PostgreSQL keeps its data and the secrets in secrets/ "
                    + "(default ${DEFAULT-VALUE})")
    String dataDir;

    public int port() {
        return WholeNumber.within("--pg-port", port, 1024, 65535);
    }

    /** {@code --data-dir}, else {@code .helpdesk}, relative to the project root. */
    public Path home(Path root) {
        return root.resolve(dataDir).toAbsolutePath().normalize();
    }
}
