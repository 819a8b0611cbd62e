package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.secrets.SecretStore;

import java.nio.file.Path;

/** The embedded PostgreSQL a {@code ./helpdesk up} started, for commands that work on it while it runs. */
public final class RunningDatabase {

    private RunningDatabase() {
    }

    /**
     * The owner's connection to the running embedded database.
     *
     * @throws SuiteException when nothing listens on the port or this data folder has no secrets yet
     */
    public static DatabaseTarget owner(Path home, int port) {
        if (Ports.isFree(port)) {
            throw new SuiteException("PostgreSQL is not running on 127.0.0.1:" + port
                    + ": start ./helpdesk up first (with the same --pg-port and --data-dir)");
        }
        String password = SecretStore.existing(home).flatMap(s -> s.read(SecretStore.HELPDESK_PASSWORD))
                .orElseThrow(() -> new SuiteException("No database password in " + SecretStore.folder(home)
                        + ": start ./helpdesk up first (with the same --data-dir)"));
        return DatabaseTarget.local(port, password);
    }
}
