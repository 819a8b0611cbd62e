package campus.helpdesk.launcher;

import campus.helpdesk.demo.DemoDataException;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.launcher.psql.PsqlCommand;
import campus.helpdesk.launcher.seed.SeedCommand;
import campus.helpdesk.launcher.token.TokenCommand;
import campus.helpdesk.launcher.up.UpCommand;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code ./helpdesk} command: {@code up}, {@code psql}, {@code token}, {@code seed}, {@code classifier-eval}. */
public final class Helpdesk {

    private static final String USAGE = "Usage: ./helpdesk <command> [options]\n\nCommands:\n"
            + UpCommand.USAGE + PsqlCommand.USAGE + TokenCommand.USAGE + SeedCommand.USAGE
            + ClassifierEvalCommand.USAGE;
    private static final Map<String, String> COMMAND_USAGE = Map.of("up", UpCommand.USAGE, "psql",
            PsqlCommand.USAGE, "token", TokenCommand.USAGE, "seed", SeedCommand.USAGE, "classifier-eval",
            ClassifierEvalCommand.USAGE);

    private Helpdesk() {
    }

    public static void main(String[] args) {
        // Libraries log through slf4j-simple; the user wants the services' lines, not the launcher's chatter.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // When the supervisor restarts a PostgreSQL that died, the library's close() runs "pg_ctl stop" on a
        // server that is gone and logs that failure with a stack trace: expected, and not worth alarming anyone.
        // Its real failures (it does not start) come back as exceptions that name postgres.log.
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "off");
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.getFirst())) {
            System.out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Path root = projectRoot();
        List<String> rest = args.subList(1, args.size());
        if (asksForHelp(args.getFirst(), rest)) {
            System.out.println("Usage: ./helpdesk " + COMMAND_USAGE.get(args.getFirst()).strip());
            return 0;
        }
        try {
            switch (args.getFirst()) {
                case "up" -> new UpCommand(root, rest).run();
                case "psql" -> {
                    return new PsqlCommand(root, rest).run();
                }
                case "token" -> new TokenCommand(root, rest, System.out).run();
                case "seed" -> new SeedCommand(root, rest).run();
                case "classifier-eval" -> {
                    return ClassifierEvalCommand.run(root, rest);
                }
                default -> throw new UsageException("unknown command " + args.getFirst());
            }
            return 0;
        } catch (UsageException e) {
            System.err.println("helpdesk: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        } catch (SuiteException | DemoDataException | java.io.UncheckedIOException e) {
            System.err.println("helpdesk: " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code ./helpdesk COMMAND --help}. For psql only as its first argument: later ones belong to psql, whose
     * {@code -h} is a host name.
     */
    static boolean asksForHelp(String command, List<String> rest) {
        if (!COMMAND_USAGE.containsKey(command)) {
            return false;
        }
        List<String> help = List.of("--help", "-h");
        if (command.equals("psql")) {
            return !rest.isEmpty() && help.contains(rest.getFirst());
        }
        return rest.stream().anyMatch(help::contains);
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
