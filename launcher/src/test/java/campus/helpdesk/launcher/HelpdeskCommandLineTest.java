package campus.helpdesk.launcher;

import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.psql.PsqlCommand;
import campus.helpdesk.launcher.up.UpCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code ./helpdesk} as a separate process: what each command line prints and the status it exits with. */
class HelpdeskCommandLineTest {

    private static final int PG_PORT = 25436;

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"up", "status", "stop", "psql", "token", "token create", "token list", "token revoke", "seed",
            "backup", "restore", "classifier-eval", "help"})
    void everyCommandExplainsItselfWithHelp(String command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command.split(" ")));
        line.add("--help");
        Run run = helpdesk(line.toArray(String[]::new));

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("Usage: ./helpdesk " + command);
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        for (String line : List.of("help", "--help", "-h")) {
            Run run = helpdesk(line);
            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).startsWith("Usage: ./helpdesk")
                    .contains("up", "status", "stop", "psql", "token", "seed", "backup", "restore", "classifier-eval");
        }
        Run up = helpdesk("help", "up");
        assertThat(up.status()).isZero();
        assertThat(up.output()).startsWith("Usage: ./helpdesk up").contains("--listen", "--data-dir");
    }

    @Test
    void helpFollowsEveryWordOfTheCommand() throws Exception {
        Run create = helpdesk("help", "token", "create");
        assertThat(create.status()).as(create.output()).isZero();
        assertThat(create.output()).startsWith("Usage: ./helpdesk token create").contains("--role", "--days");

        Run wrong = helpdesk("help", "token", "drop");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.output()).startsWith("helpdesk: unknown command 'drop' for ./helpdesk token\n")
                .contains("Usage: ./helpdesk token");
    }

    @Test
    void daysAreReadAsPeopleWriteThemAndHeldToTheirRange() throws Exception {
        Run run = helpdesk("token", "create", "--name", "x", "--role", "STAFF", "--days", "1,000");
        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).startsWith("helpdesk: --days must be between 1 and 730: 1000");
    }

    /** A script's --fresh never deletes a desk's database unless it says --yes; nothing is touched. */
    @Test
    void freshWithoutATerminalOrYesLeavesADesksDatabaseAlone() throws Exception {
        Path desk = home.resolve("desk");
        Files.createDirectories(desk.resolve("pgdata"));
        Files.writeString(desk.resolve("pgdata").resolve("PG_VERSION"), "17\n");
        Run run = helpdesk("up", "--fresh", "--port-offset", "17500", "--pg-port", "25482", "--data-dir",
                desk.toString());
        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("--fresh deletes every ticket").contains("--yes");
        assertThat(desk.resolve("pgdata").resolve("PG_VERSION")).exists();
    }

    @Test
    void noCommandShowsTheUsageAsAWrongCommandLine() throws Exception {
        Run run = helpdesk();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).startsWith("helpdesk: no command given").contains("Usage: ./helpdesk", "Commands:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"up --listen", "up --listen nowhere", "up --listen nosuch.invalid:25480",
            "up --listen 192.0.2.1:25480", "up --staff", "up --staff-code 1234", "up extra", "up --port-offset -1",
            "token", "token create --name x --role ROOT", "token create --role STAFF", "token create --name x "
            + "--role STAFF --days 0", "token revoke", "token drop x", "token list --colour", "psql --pg-port",
            "psql --pg-port seven", "psql --data-dir", "seed", "seed --tickets 5 --wrong", "seed --tickets many",
            "seed --tickets 1 --db-user x", "backup", "backup a.zip b.zip", "restore", "restore a.zip --pg-port 1", "up --yes",
            "classifier-eval", "bogus"})
    void aWrongCommandLineExitsWith2AndSaysWhyWithTheUsage(String line) throws Exception {
        Run run = helpdesk(line.split(" "));

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).startsWith("helpdesk: ").contains("Usage: ./helpdesk");
    }

    @Test
    void upRefusesAnEmptyDataFolderAndTwoOfItsOwnProcessesOnOnePortBeforeStartingAnything() throws Exception {
        for (String[] line : List.of(new String[] {"up", "--data-dir", ""},
                new String[] {"up", "--listen", "127.0.0.1:25481", "--port-offset", "17400", "--data-dir",
                        home.toString()},
                new String[] {"up", "--pg-port", "25484", "--port-offset", "17400", "--data-dir", home.toString()})) {
            Run run = helpdesk(line);
            assertThat(run.status()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).startsWith("helpdesk: ").contains("Usage: ./helpdesk up")
                    .doesNotContain("Starting PostgreSQL").doesNotContain("Exception");
        }
        assertThat(helpdesk("up", "--listen", "127.0.0.1:25481", "--port-offset", "17400", "--data-dir",
                home.toString()).output().lines().findFirst().orElse("")).contains("gateway (--listen)",
                "ticket-service (--port-offset)", "would both use port 25481");
        try (var left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("nothing made in the data folder")
                    .allMatch(name -> name.startsWith("out-"));
        }
    }

    @Test
    void aWordWhereACommandBelongsIsCalledAnUnknownCommand() throws Exception {
        Run top = helpdesk("bogus");
        assertThat(top.status()).isEqualTo(2);
        assertThat(top.output()).startsWith("helpdesk: unknown command 'bogus' for ./helpdesk\n");
        Run token = helpdesk("token", "bogus");
        assertThat(token.status()).isEqualTo(2);
        assertThat(token.output()).startsWith("helpdesk: unknown command 'bogus' for ./helpdesk token\n");
    }

    @Test
    void upWithADatabaseThatDoesNotAnswerSaysSoInOneSentenceBeforeStartingAService() throws Exception {
        Run run = helpdesk("up", "--db-url", "jdbc:postgresql://127.0.0.1:1/helpdesk", "--port-offset", "17400",
                "--data-dir", home.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("helpdesk: Cannot use the database at "
                + "jdbc:postgresql://127.0.0.1:1/helpdesk as helpdesk: ").doesNotContain("ticket-service").doesNotContain("Exception")
                .doesNotContain("WARNING");
    }

    @Test
    void demoTicketsGoIntoAnEmbeddedDesksFirstStartOnlyUnlessSaidOtherwise() {
        assertThat(up().loadsDemoData(false, false)).as("./helpdesk up, the first time").isTrue();
        assertThat(up().loadsDemoData(false, true)).as("./helpdesk up after a first start that decided").isFalse();
        assertThat(up().loadsDemoData(true, false)).as("./helpdesk up --db-url ...").isFalse();
        assertThat(up("--no-demo-data").loadsDemoData(false, false)).isFalse();
        assertThat(up("--demo-data").loadsDemoData(true, false)).isTrue();
        assertThat(up("--demo-data").loadsDemoData(false, true)).isTrue();
    }

    private UpCommand up(String... options) {
        CommandLine line = Helpdesk.commandLine(home, System.out);
        String[] args = new String[options.length + 1];
        args[0] = "up";
        System.arraycopy(options, 0, args, 1, options.length);
        line.parseArgs(args);
        return line.getSubcommands().get("up").getCommand();
    }

    @Test
    void psqlHandsEveryArgumentButItsOwnToPsqlAsItIs() {
        CommandLine line = Helpdesk.commandLine(home, System.out);
        line.parseArgs("psql", "-c", "select 1", "--pg-port", "25999", "-h", "localhost", "-tA", "--csv",
                "@file", "-v", "ON_ERROR_STOP=1", "--help");

        PsqlCommand psql = line.getSubcommands().get("psql").getCommand();
        assertThat(psql.arguments()).containsExactly("-c", "select 1", "-h", "localhost", "-tA", "--csv", "@file",
                "-v", "ON_ERROR_STOP=1", "--help");
    }

    @Test
    void tokenAndPsqlNeedARunningDatabaseAndSaySo() throws Exception {
        for (String[] line : List.of(new String[] {"token", "list"}, new String[] {"psql", "-c", "select 1"})) {
            Run run = helpdesk(line);
            if (line[0].equals("psql") && PsqlCommand.findOnPath("psql").isEmpty()) {
                continue;
            }
            assertThat(run.status()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("PostgreSQL is not running on 127.0.0.1:" + PG_PORT)
                    .contains("start ./helpdesk up first").doesNotContain("Exception");
        }
    }

    @Test
    void psqlOpensTheEmbeddedDatabaseAsItsOwner() throws Exception {
        assumeTrue(PsqlCommand.findOnPath("psql").isPresent(),
                "psql is not installed here (apt-get install postgresql-client); CI installs it");
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(home, PG_PORT)) {
            Run run = helpdesk("psql", "-c", "select 1");
            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output().lines().map(String::strip)).contains("1");

            Run who = helpdesk("psql", "-tA", "-c", "select current_user || ' ' || current_database()");
            assertThat(who.output().strip()).isEqualTo("helpdesk helpdesk");
        }
    }

    private Run helpdesk(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "campus.helpdesk.launcher.Helpdesk"));
        command.addAll(List.of(args));
        // The database options go after the command's own (psql passes on whatever it does not know).
        if (args.length > 1 && !List.of(args).contains("--help") && !List.of(args).contains("--pg-port")
                && !args[0].equals("up") && !args[0].equals("seed") && !args[0].equals("help")
                && !args[0].equals("restore")) {
            command.addAll(List.of("--pg-port", String.valueOf(PG_PORT), "--data-dir", home.toString()));
        }
        Path output = Files.createTempFile(home, "out-", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits within 60 s").isTrue();
        return new Run(process.exitValue(), Files.readString(output));
    }

    private record Run(int status, String output) {
    }
}
