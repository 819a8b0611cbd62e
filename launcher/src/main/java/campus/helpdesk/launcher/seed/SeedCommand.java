package campus.helpdesk.launcher.seed;

import campus.helpdesk.demo.DemoDataLoader;
import campus.helpdesk.demo.SeedPlan;
import campus.helpdesk.demo.SeedReport;
import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.Args;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.cli.Terminal;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.postgres.RunningDatabase;
import campus.helpdesk.launcher.up.UpCommand;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code ./helpdesk seed --tickets N}: realistic demo tickets with their messages and events, into the running
 * helpdesk's database (or the embedded one, started for the occasion, or {@code --db-url}).
 */
public final class SeedCommand {

    public static final String USAGE = """
              seed --tickets N [--months M] [--append] [--seed S] [--streams K] [--db-url URL ...] [--pg-port P]
                   [--data-dir DIR]
                  Loads N demo tickets opened over the last M months (default 12), with messages and events.
                  A database that already holds tickets needs --append (or a yes when asked on a terminal).
            """;

    private final Path root;
    private final Args args;

    public SeedCommand(Path root, List<String> arguments) {
        this.root = root;
        this.args = Args.parse(arguments, Set.of("append"),
                Set.of("tickets", "months", "seed", "streams", "db-url", "db-user", "db-password", "pg-port",
                        "data-dir"));
        if (!args.has("tickets")) {
            throw new UsageException("seed needs --tickets N");
        }
    }

    public void run() {
        int tickets = args.intValue("tickets", 0, 1, SeedPlan.MAX_TICKETS);
        int months = args.intValue("months", 12, 1, SeedPlan.MAX_MONTHS);
        int streams = args.intValue("streams", DemoDataLoader.DEFAULT_STREAMS, 1, 16);
        long seed = args.intValue("seed", 20261123, 0, Integer.MAX_VALUE);
        DatabaseTarget target = DatabaseTarget.fromArgs(args);
        EmbeddedDatabase embedded = null;
        if (target == null) {
            int pgPort = args.intValue("pg-port", EmbeddedDatabase.DEFAULT_PORT, 1024, 65535);
            Path home = UpCommand.dataDir(root, args);
            if (Ports.isFree(pgPort)) {
                // Nothing runs: use the embedded database of an earlier ./helpdesk up, if there is one.
                if (!EmbeddedDatabase.exists(home)) {
                    throw new SuiteException("No database to seed: start the helpdesk once with ./helpdesk up "
                            + "(it creates the tables), or give --db-url");
                }
                embedded = EmbeddedDatabase.start(home, pgPort);
                target = embedded.target();
            } else {
                target = RunningDatabase.owner(home, pgPort);
            }
        }
        try {
            seed(target, new SeedPlan(tickets, months, seed, Instant.now()), streams);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private void seed(DatabaseTarget target, SeedPlan plan, int streams) {
        DemoDataLoader.Connector connector = target::connect;
        if (DemoDataLoader.hasTickets(connector) && !args.flag("append") && !confirmAppend()) {
            return;
        }
        System.out.printf("Seeding %,d tickets over the last %d months into %s%n", plan.tickets(), plan.months(),
                target.url());
        SeedReport report = DemoDataLoader.load(connector, plan, new ProgressBar(System.out, Terminal.isInteractive()),
                streams);
        System.out.printf("Seeded %,d tickets (ids %d-%d), %,d messages and %,d events in %.1f s (%,.0f tickets/s)%n",
                report.tickets(), report.firstId(), report.lastId(), report.messages(), report.events(),
                report.duration().toMillis() / 1000.0, report.ticketsPerSecond());
    }

    /** Asks on a terminal; refuses without one, so a script never adds data by accident. */
    private boolean confirmAppend() {
        if (!Terminal.isInteractive()) {
            throw new UsageException("the database already holds tickets: add --append to add more");
        }
        String answer = System.console().readLine("The database already holds tickets. Add %,d more? [y/N] ",
                args.intValue("tickets", 0, 1, SeedPlan.MAX_TICKETS));
        boolean yes = answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        if (!yes) {
            System.out.println("Nothing added.");
        }
        return yes;
    }
}
