package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.SuiteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A desk's data folder: wiped of the helpdesk's entries only, never used by two desks, freed after a kill -9. */
class DataFolderTest {

    private static final int PORT = 25441;
    private static final int OTHER_PORT = 25442;

    @TempDir
    Path home;

    /** A failed test leaves no PostgreSQL behind on its ports. */
    @AfterEach
    void stopWhatIsLeft() {
        try {
            EmbeddedDatabase.stopLeftOver(home, new PrintStream(OutputStream.nullOutputStream()));
        } catch (RuntimeException e) {
            // the test's own assertions say what went wrong
        }
    }

    @Test
    void aWipeRemovesTheHelpdesksEntriesAndNothingElseInTheFolder() throws Exception {
        // --data-dir . once made the project the data folder, and --fresh then deleted the whole checkout.
        for (String file : List.of("pgdata/PG_VERSION", "secrets/postgres-password", "jvm-archives/gateway-1-2.aot",
                "status.json", "postgres.log", "pom.xml", "src/Main.java", ".git/HEAD", "notes/pgdata-backup.txt")) {
            Files.createDirectories(home.resolve(file).getParent());
            Files.writeString(home.resolve(file), file);
        }

        assertThat(DataFolder.wipe(home)).isTrue();

        try (var left = Files.walk(home)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> home.relativize(p).toString()))
                    .containsExactlyInAnyOrder("pom.xml", "src/Main.java", ".git/HEAD", "notes/pgdata-backup.txt");
        }
        assertThatThrownBy(() -> DataFolder.wipe(home)).as("nothing of the helpdesk's left, the rest not ours")
                .isInstanceOf(SuiteException.class);
    }

    @Test
    void aFolderWithoutAHelpdeskDatabaseKeepsEvenItsSecretsFolder() throws Exception {
        // A Compose project's own secrets/ is not the helpdesk's to delete.
        for (String file : List.of("secrets/db-password", "docker-compose.yml")) {
            Files.createDirectories(home.resolve(file).getParent());
            Files.writeString(home.resolve(file), file);
        }
        assertThatThrownBy(() -> DataFolder.wipe(home)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("holds no helpdesk database");
        assertThat(home.resolve("secrets/db-password")).exists();
        Path fresh = Files.createDirectories(home.resolve("empty-desk"));
        assertThat(DataFolder.wipe(fresh)).as("an empty folder: nothing to do").isFalse();
    }

    /**
     * Two launchers started at the same moment both found no PostgreSQL running on the folder, and both went on to
     * wipe it or start one. The first to claim it has it until it lets go; --fresh leaves the claim's file alone.
     */
    @Test
    void aFolderIsClaimedByOneLauncherAtATimeAndAWipeKeepsTheClaim() throws Exception {
        Files.createDirectories(home.resolve("pgdata"));
        Files.writeString(home.resolve("pgdata/PG_VERSION"), "16");
        try (DataFolder.Claim first = DataFolder.claim(home)) {
            assertThatThrownBy(() -> DataFolder.claim(home)).isInstanceOf(SuiteException.class)
                    .hasMessage("The data folder " + home + " is in use by another ./helpdesk that is running: "
                            + "stop it first (./helpdesk stop stops a desk; --data-dir as given to it), or give another "
                            + "--data-dir.");
            assertThatThrownBy(() -> DataFolder.claim(home.resolve("../" + home.getFileName())))
                    .as("the same folder by another name").isInstanceOf(SuiteException.class);
            Path link = Files.createSymbolicLink(home.resolveSibling(home.getFileName() + "-link"), home);
            try {
                assertThatThrownBy(() -> DataFolder.claim(link)).as("the same folder through a link")
                        .isInstanceOf(SuiteException.class).hasMessageContaining("is in use");
            } finally {
                Files.delete(link);
            }
            assertThat(DataFolder.wipe(home)).isTrue();
            assertThat(home.resolve(DataFolder.LAUNCHER_LOCK)).exists();
            assertThat(home.resolve("pgdata")).doesNotExist();
            assertThatThrownBy(() -> DataFolder.claim(home)).as("still held after the wipe")
                    .isInstanceOf(SuiteException.class);
            assertThat(DataFolder.wipe(home)).as("the claim's file alone is nothing to wipe").isFalse();
        }
        DataFolder.claim(home).close();
    }

    @Test
    void aFolderARunningDatabaseUsesIsRefusedInOneSentenceUntilItStops() {
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(home, PORT)) {
            assertThatThrownBy(() -> DataFolder.requireNotInUse(home)).isInstanceOf(SuiteException.class)
                    .hasMessage("The data folder " + home + " is in use by another ./helpdesk that is running: "
                            + "stop it first (./helpdesk stop stops a desk; --data-dir as given to it), or give another "
                            + "--data-dir.");
            // A second desk on other ports used to take the folder's PostgreSQL from the first.
            assertThatThrownBy(() -> EmbeddedDatabase.start(home, OTHER_PORT)).isInstanceOf(SuiteException.class)
                    .hasMessageContaining("is in use by another ./helpdesk that is running");
            assertThat(Ports.isFree(OTHER_PORT)).isTrue();
        }
        DataFolder.requireNotInUse(home);
    }

    @Test
    void thePostgresqlAKilledLauncherLeftRunningIsStoppedAndTheFolderStartsAgain() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldsDatabase.class.getName(), home.toString(), String.valueOf(PORT))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("ready"));
            assertThat(line).as("the database started in the other JVM").isEqualTo("ready");
            assertThatThrownBy(() -> DataFolder.claim(home)).as("the other launcher's claim")
                    .isInstanceOf(SuiteException.class).hasMessageContaining("is in use by another ./helpdesk");
        } finally {
            launcher.destroyForcibly();
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Ports.isFree(PORT)).as("its PostgreSQL outlives it").isFalse();

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        EmbeddedDatabase.stopLeftOver(home, new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("Stopped PostgreSQL (pid ")
                .contains("), left running on " + home + " by a launcher that was killed");
        assertThat(Ports.isFree(PORT)).isTrue();
        try (DataFolder.Claim claim = DataFolder.claim(home);
             EmbeddedDatabase again = EmbeddedDatabase.start(home, PORT)) {
            assertThat(again.target().connect().isValid(5)).isTrue();
        }
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        EmbeddedDatabase.stopLeftOver(home, new PrintStream(quiet, true, StandardCharsets.UTF_8));
        assertThat(quiet.size()).as("nothing left over after a clean stop").isZero();
    }
}
