package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.secrets.SecretStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** The embedded PostgreSQL a {@code ./helpdesk up} started, for commands that work on it while it runs. */
public final class RunningDatabase {

    private RunningDatabase() {
    }

    /** Remembers where this folder's PostgreSQL listens, once it does. */
    static void remember(Path home, int port) {
        try {
            Files.writeString(home.resolve(DataFolder.LAST_PG_PORT), port + System.lineSeparator());
        } catch (IOException e) {
            // Then a later command on a stopped desk asks for --pg-port again, as before.
        }
    }

    /**
     * The port this folder's PostgreSQL listened on when it last ran: a seed (or a token command) on a stopped desk
     * started with {@code --pg-port} starts it there again, not on the default port, which may be another desk's.
     */
    public static OptionalInt lastPort(Path home) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(home.resolve(DataFolder.LAST_PG_PORT)).strip()));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The port the PostgreSQL running on this data folder listens on: the fourth line of its {@code postmaster.pid},
     * while the process that file names lives. Empty when none runs there.
     */
    public static OptionalInt listeningPort(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve(DataFolder.PGDATA).resolve("postmaster.pid"))) {
            List<String> head = lines.limit(4).map(String::strip).toList();
            if (head.size() < 4 || ProcessHandle.of(Long.parseLong(head.getFirst())).filter(ProcessHandle::isAlive)
                    .isEmpty()) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(Integer.parseInt(head.get(3)));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
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
