package campus.helpdesk.launcher.seed;

import campus.helpdesk.demo.DemoDataLoader;
import campus.helpdesk.demo.SeedPlan;
import campus.helpdesk.demo.SeedReport;
import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DatabaseOptions;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.cli.ExternalDatabaseOptions;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.cli.Terminal;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.launcher.cli.WholeNumber;
import campus.helpdesk.launcher.postgres.DataFolder;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.postgres.RunningDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code ./helpdesk seed --tickets N}: realistic demo tickets with their messages and events, into the running
 * helpdesk's database (or the embedded one, started for the occasion, or {@code --db-url}).
 */
@Command(name = "seed", sortOptions = false, description = {
        "Loads N demo tickets opened over the last M months, with messages and events.",
        "A database that already holds tickets needs --append (or a yes when asked on a terminal)."})
public final class SeedCommand implements Callable<Integer> {

    @Option(names = "--tickets", paramLabel = "N", required = true, converter = WholeNumber.class,
            description = "how many tickets (1_000_000 and 1,000,000 are read as numbers too)")
    int tickets;

    @Option(names = "--months", paramLabel = "M", defaultValue = "12", converter = WholeNumber.class,
            description = "spread over the last M months (default ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--append", description = "adds to a database that already holds tickets, without asking")
    boolean append;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20261123", converter = WholeNumber.class,
            description = "the random seed: the same seed gives the same tickets (default ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--streams", paramLabel = "K", converter = WholeNumber.class,
            defaultValue = "" + DemoDataLoader.DEFAULT_STREAMS,
            description = "parallel COPY streams, 1 to 16 (default ${DEFAULT-VALUE})")
    int streams;

    @Mixin
    ExternalDatabaseOptions externalDatabase;

    @Mixin
    DatabaseOptions database;

    @Mixin
    HelpOption help;

    private final Path root;

    public SeedCommand(Path root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        int count = WholeNumber.within("--tickets", tickets, 1, SeedPlan.MAX_TICKETS);
        int overMonths = WholeNumber.within("--months", months, 1, SeedPlan.MAX_MONTHS);
        int parallel = WholeNumber.within("--streams", streams, 1, 16);
        long randomSeed = WholeNumber.within("--seed", seed, 0, Integer.MAX_VALUE);
        DatabaseTarget target = externalDatabase.target();
        EmbeddedDatabase embedded = null;
        DataFolder.Claim held = null;
        if (target == null) {
            int pgPort = database.runningPort(root);
            Path home = database.home(root);
            if (Ports.isFree(pgPort)) {
                // Nothing runs: use the embedded database of an earlier ./helpdesk up, if there is one.
                if (!EmbeddedDatabase.exists(home)) {
                    throw new SuiteException("No database to seed: start the helpdesk once with ./helpdesk up "
                            + "(it creates the tables), or give --db-url");
                }
                // A desk starting on the folder meanwhile would find it taken, not start its database twice.
                held = DataFolder.claim(home);
                try {
                    embedded = EmbeddedDatabase.start(home, pgPort);
                } catch (RuntimeException e) {
                    held.close();
                    throw e;
                }
                target = embedded.target();
            } else {
                target = RunningDatabase.owner(home, pgPort);
            }
        }
        try {
            seed(target, new SeedPlan(count, overMonths, randomSeed, Instant.now()), parallel);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            if (held != null) {
                held.close();
            }
        }
        return 0;
    }

    private void seed(DatabaseTarget target, SeedPlan plan, int streams) {
        DemoDataLoader.Connector connector = target::connect;
        if (DemoDataLoader.hasTickets(connector) && !append && !confirmAppend()) {
            return;
        }
        System.out.printf("Seeding %,d tickets over the last %s into %s%n", plan.tickets(),
                plan.months() == 1 ? "month" : plan.months() + " months",
                target.url());
        SeedReport report = DemoDataLoader.load(connector, plan, new ProgressBar(System.out, Terminal.isInteractive()),
                streams);
        System.out.printf("Seeded %,d tickets (ids %d-%d), %,d messages and %,d events in %.1f s (%,.0f tickets/s)%n",
                report.tickets(), report.firstId(), report.lastId(), report.messages(), report.events(),
                report.duration().toMillis() / 1000.0, report.ticketsPerSecond());
        for (SeedReport.Phase phase : report.phases()) {
            System.out.printf("  %6.1f s  %s%n", phase.took().toMillis() / 1000.0, phase.name());
        }
    }

    /** Asks on a terminal; refuses without one, so a script never adds data by accident. */
    private boolean confirmAppend() {
        if (!Terminal.isInteractive()) {
            throw new UsageException("the database already holds tickets: add --append to add more");
        }
        String answer = System.console().readLine("The database already holds tickets. Add %,d more? [y/N] ",
                tickets);
        boolean yes = answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        if (!yes) {
            System.out.println("Nothing added.");
        }
        return yes;
    }
}
