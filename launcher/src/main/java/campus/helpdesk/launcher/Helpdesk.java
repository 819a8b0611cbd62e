package campus.helpdesk.launcher;

import campus.helpdesk.demo.DemoDataException;
import campus.helpdesk.launcher.backup.BackupCommand;
import campus.helpdesk.launcher.backup.RestoreCommand;
import campus.helpdesk.launcher.cli.HelpCommand;
import campus.helpdesk.launcher.desk.StatusCommand;
import campus.helpdesk.launcher.desk.StopCommand;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.launcher.psql.PsqlCommand;
import campus.helpdesk.launcher.seed.SeedCommand;
import campus.helpdesk.launcher.token.IntegrationCommand;
import campus.helpdesk.launcher.token.TokenCommand;
import campus.helpdesk.launcher.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The {@code ./helpdesk} command: {@code up}, {@code status}, {@code stop}, {@code psql}, {@code token},
 * {@code seed}, {@code classifier-eval} and {@code help}. Every command takes {@code --help} (exit 0); a wrong
 * command line prints what is wrong and the usage (exit 2); a failure one sentence saying what to do (exit 1).
 */
@Command(name = "./helpdesk", description = "Campus Helpdesk on this machine: PostgreSQL and the five services.",
        synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        footer = {"", "Every command explains itself with --help, e.g. ./helpdesk token create --help."})
public final class Helpdesk implements Callable<Integer> {

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would forget its level. */
    private static final java.util.logging.Logger JDBC_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    private Helpdesk() {
    }

    public static void main(String[] args) {
        // Libraries log through slf4j-simple; the user wants the services' lines, not the launcher's chatter.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // When the supervisor restarts a PostgreSQL that died, the library's close() runs "pg_ctl stop" on a
        // server that is gone and logs that failure with a stack trace: expected, and not worth alarming anyone.
        // Its real failures (it does not start) come back as exceptions that name postgres.log.
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "off");
        // The JDBC driver logs a wrong URL (java.util.logging, to the console) before the exception the command
        // turns into its own sentence naming the URL: said twice, once as a log line.
        JDBC_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(commandLine(projectRoot(), System.out).execute(args));
    }

    /** No command: the usage, as a wrong command line. */
    @Override
    public Integer call() {
        return usageError(spec.commandLine(), "no command given (./helpdesk up runs the desk)");
    }

    /** The whole command line, ready to {@link CommandLine#execute}; {@code out} takes what commands print. */
    public static CommandLine commandLine(Path root, PrintStream out) {
        CommandLine line = new CommandLine(new Helpdesk())
                .addSubcommand(new UpCommand(root))
                .addSubcommand(new StatusCommand(root, out))
                .addSubcommand(new StopCommand(root, out))
                .addSubcommand(PsqlCommand.configure(new CommandLine(new PsqlCommand(root))))
                .addSubcommand(new TokenCommand(root, out))
                .addSubcommand(new IntegrationCommand(root, out))
                .addSubcommand(new SeedCommand(root))
                .addSubcommand(new BackupCommand(root, out))
                .addSubcommand(new RestoreCommand(root, out))
                .addSubcommand(configurePassThrough(new CommandLine(new ClassifierEvalCommand(root))))
                .addSubcommand(new HelpCommand());
        return line
                // psql's and the evaluation's arguments are theirs, even one that starts with @.
                .setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setParameterExceptionHandler(Helpdesk::wrongCommandLine)
                .setExecutionExceptionHandler(Helpdesk::failed);
    }

    private static CommandLine configurePassThrough(CommandLine command) {
        return command.setUnmatchedOptionsArePositionalParams(true);
    }

    /** What picocli found wrong (an unknown option, a missing value): the reason, then the usage; exit 2. */
    private static int wrongCommandLine(ParameterException e, String[] args) {
        return usageError(e.getCommandLine(), reason(e));
    }

    /** picocli's reason, but a word where a command belongs is called an unknown command, as `help` calls it. */
    private static String reason(ParameterException e) {
        CommandLine line = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && !line.getSubcommands().isEmpty()
                && line.getParseResult() != null && !line.getParseResult().hasSubcommand()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().getFirst() + "' for "
                    + line.getCommandSpec().qualifiedName();
        }
        return e.getMessage();
    }

    /** What a command found wrong, or could not do. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof UsageException) {
            return usageError(command, e.getMessage());
        }
        if (e instanceof SuiteException || e instanceof DemoDataException || e instanceof UncheckedIOException) {
            command.getErr().println("helpdesk: " + e.getMessage());
            return 1;
        }
        throw e;
    }

    private static int usageError(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println("helpdesk: " + message);
        err.println();
        command.usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    /**
     * The reactor root: {@code helpdesk.home} when the script sets it, else two levels above this jar
     * ({@code launcher/target/launcher-*-all.jar}), else the working directory.
     */
    static Path projectRoot() {
        String home = System.getProperty("helpdesk.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Helpdesk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent().getParent().getParent();
            if (root != null && Files.exists(root.resolve("pom.xml"))) {
                return root;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall through to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }
}
