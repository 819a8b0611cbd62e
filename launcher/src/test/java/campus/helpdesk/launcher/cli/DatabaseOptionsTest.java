package campus.helpdesk.launcher.cli;

import campus.helpdesk.launcher.postgres.RunningDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which PostgreSQL a command on a desk means when it names no port: the one running on the data folder, else the one
 * that ran there last (a seed on a stopped desk that was started with --pg-port), else the default.
 */
class DatabaseOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DatabaseOptions database;
    }

    @Test
    void aStoppedDeskIsFoundAgainOnThePortItLastUsed(@TempDir Path root) throws Exception {
        Path home = root.resolve("desk");
        Files.createDirectories(home);
        assertThat(portOf(root, "--data-dir", home.toString())).as("never ran").isEqualTo(DatabaseOptions.DEFAULT_PG_PORT);

        Files.writeString(home.resolve("pg-port"), "30432\n");
        assertThat(RunningDatabase.lastPort(home)).hasValue(30432);
        assertThat(portOf(root, "--data-dir", home.toString())).isEqualTo(30432);
        assertThat(portOf(root, "--data-dir", home.toString(), "--pg-port", "31000")).as("said wins").isEqualTo(31000);

        Files.writeString(home.resolve("pg-port"), "not a port");
        assertThat(portOf(root, "--data-dir", home.toString())).isEqualTo(DatabaseOptions.DEFAULT_PG_PORT);
    }

    private static int portOf(Path root, String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.database.runningPort(root);
    }
}
