package campus.helpdesk.launcher.up;

import campus.helpdesk.demo.DemoDataLoader;
import campus.helpdesk.demo.SeedPlan;
import campus.helpdesk.demo.SeedReport;
import campus.helpdesk.launcher.ListenAddress;
import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.Suite;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.SuiteOptions;
import campus.helpdesk.launcher.SuiteSecrets;
import campus.helpdesk.launcher.cli.DataDirOption;
import campus.helpdesk.launcher.cli.DatabaseOptions;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.cli.ExternalDatabaseOptions;
import campus.helpdesk.launcher.cli.HelpOption;
import campus.helpdesk.launcher.cli.Terminal;
import campus.helpdesk.launcher.cli.UsageException;
import campus.helpdesk.launcher.cli.WholeNumber;
import campus.helpdesk.launcher.desk.LeftOverServices;
import campus.helpdesk.launcher.postgres.DataFolder;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.secrets.SecretStore;
import campus.helpdesk.launcher.supervise.RestartPolicy;
import campus.helpdesk.launcher.supervise.Supervisor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./helpdesk up}: PostgreSQL (embedded, or the one given), the five services, demo tickets on first start,
 * the address to open. It supervises what it started, each process from the moment it is first healthy (a service
 * or PostgreSQL that dies or hangs is started again, see {@link Supervisor}), until Ctrl-C or SIGTERM stops the
 * services, then PostgreSQL.
 */
@Command(name = "up", sortOptions = false, description = {
        "Starts PostgreSQL and the five services, and restarts any of them that exits or stops answering; "
                + "Ctrl-C stops them.",
        "Only the gateway can face the network; the other services and PostgreSQL listen on 127.0.0.1."})
public final class UpCommand implements Callable<Integer> {

    static final int DEMO_TICKETS = 300;
    static final int MIN_STAFF_CODE = 8;
    static final int DEMO_MONTHS = 12;
    /** What a shell reports for a command stopped by Ctrl-C (128 + SIGINT). */
    static final int STOPPED_BY_SIGNAL = 130;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = {"where the gateway listens (default "
            + "127.0.0.1:8080, this machine only);", "0.0.0.0:8080 serves every interface, e.g. the campus network"})
    String listen;

    @Option(names = "--staff-code", paramLabel = "CODE", description = {"the code the staff and analyst roles must "
            + "give to sign in (at least 8 characters; HELPDESK_STAFF_CODE keeps it off the command line).",
            "Without one, a desk that serves the network (--listen off loopback) makes one and prints it."})
    String staffCode;

    @Option(names = "--fresh", description = {"first removes the helpdesk's data from the data folder (the embedded "
            + "database, its passwords, logs and start-up caches);", "anything else in the folder is left alone"})
    boolean fresh;

    @Option(names = "--yes", description = "with --fresh: delete an existing desk's database without asking (for "
            + "scripts; on a terminal --fresh asks first)")
    boolean yes;

    @Option(names = "--demo-data", negatable = true, description = {"whether a desk whose database holds no ticket "
            + "gets 300 demo tickets first (default: yes for the embedded", "database, no for --db-url, which is "
            + "meant for real data); --no-demo-data starts a real desk empty"})
    Boolean demoData;

    @Mixin
    ExternalDatabaseOptions externalDatabase;

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "0",
            description = "adds N to every service port (default 0: gateway on 8080)")
    int portOffset;

    @Mixin
    DatabaseOptions database;

    @Mixin
    HelpOption help;

    private final Path root;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Suite suite;
    private volatile EmbeddedDatabase embedded;
    private volatile Supervisor supervisor;
    /** Held, and kept reachable, for the life of this JVM: a collected claim would close and drop its lock. */
    private volatile DataFolder.Claim claim;
    private volatile boolean stopping;
    private String generatedStaffCode;

    public UpCommand(Path root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        givenStaffCode(); // a wrong one is said before anything is stopped, wiped or started
        DatabaseTarget external = externalDatabase.target();
        int offset = WholeNumber.within("--port-offset", portOffset, 0, 50000);
        int pgPort = database.port();
        Path home = database.home(root);
        ListenAddress gateway = listen != null
                ? ListenAddress.parse("--listen", listen).requireOnThisMachine("--listen")
                : ListenAddress.loopback(Service.GATEWAY.defaultPort() + offset);
        if (yes && !fresh) {
            throw new UsageException("--yes goes with --fresh (it confirms deleting the desk's database)");
        }
        if (fresh && external != null) {
            throw new UsageException("--fresh wipes the embedded database; it cannot wipe the one at --db-url");
        }
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service == Service.GATEWAY ? gateway.port() : service.defaultPort() + offset);
        }
        requireDistinct(ports, external == null ? pgPort : null);
        Map<String, String> env = new java.util.HashMap<>();
        // The gateway's About page shows what the supervisor knows (state, restarts, uptime) from this file.
        env.put("HELPDESK_STATUS_FILE", statusFile(home).toString());
        // Before anything on the folder is stopped, wiped or started; held until this JVM exits.
        DataFolder.Claim held = external == null ? DataFolder.claim(home) : null;
        claim = held;
        boolean hooked = false;
        try {
            // What a launcher killed with kill -9 left running holds the ports: stopped here, before they are checked.
            Suite.stopLeftOver(root, System.out);
            LeftOverServices.stop(home, System.out);
            if (external == null) {
                EmbeddedDatabase.stopLeftOver(home, System.out);
            }
            ports.forEach((service, port) -> Ports.requireFree(service.module(), port));
            if (fresh) {
                Ports.requireFree("PostgreSQL", pgPort);
                if (EmbeddedDatabase.exists(home) && !yes && !confirmWipe(home)) {
                    return 0;
                }
                if (DataFolder.wipe(home)) {
                    System.out.println("Wiped the helpdesk's data in " + home);
                }
            }
            String code = staffCode(home, gateway);
            if (code != null) {
                env.put("HELPDESK_STAFF_CODE", code);
            }
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("helpdesk-stop").unstarted(this::stop));
            hooked = true;
            DatabaseTarget target;
            try {
                target = startDesk(home, pgPort, external, offset, gateway, env);
            } catch (RuntimeException e) {
                // Ctrl-C while the desk starts reaches its processes too (one process group): what fails then is the
                // stop asked for, not a failure to report.
                if (stoppedMeanwhile()) {
                    awaitStop();
                    return STOPPED_BY_SIGNAL;
                }
                throw e;
            }
            if (supervisor != null) {
                supervisor.announce(gateway.url());
            }
            System.out.println();
            System.out.println(upLine(gateway));
            if (generatedStaffCode != null) {
                System.out.println("Staff code: " + generatedStaffCode + " (staff and analysts give it to sign in; kept in "
                        + SecretStore.folder(home).resolve(SecretStore.STAFF_CODE) + "; --staff-code sets your own)");
            }
            System.out.println("PostgreSQL: " + target.url() + " (user " + target.user()
                    + (embedded != null ? "; ./helpdesk psql" + dataDirFlag(root, home) + " opens it" : "") + ")");
            if (supervisor != null) {
                System.out.println("Supervising: a process that exits or stops answering is restarted (status in "
                        + statusFile(home) + ")");
            }
            System.out.println("Press Ctrl-C to stop.");
            StartHeap.giveBack();
            awaitStop();
            return 0;
        } catch (RuntimeException e) {
            // Once the shutdown hook is in place, the JVM's exit releases the folder, after the hook stopped what started.
            if (held != null && !hooked) {
                held.close();
            }
            throw e;
        }
    }

    /**
     * The supervisor that restarts a process that exits or hangs, each from the moment it was first healthy (its
     * state is in {@code <data-dir>/status.json}); null when the desk is being stopped already.
     */
    private Supervisor startSupervising(Path home) {
        Supervisor started = new Supervisor(RestartPolicy.DEFAULT, statusFile(home), System.out);
        synchronized (this) {
            if (stopping) {
                started.close();
                return null;
            }
            supervisor = started;
        }
        return started;
    }

    /** PostgreSQL (unless one is given), the services, the demo tickets of a first start, under supervision. */
    private DatabaseTarget startDesk(Path home, int pgPort, DatabaseTarget external, int offset,
                                     ListenAddress gateway, Map<String, String> env) {
        if (external != null) {
            requireReachable(external);
        }
        Supervisor supervising = startSupervising(home);
        DatabaseTarget target = external;
        if (target == null) {
            System.out.println("Starting PostgreSQL on 127.0.0.1:" + pgPort + " (data in " + home + ")");
            embedded = EmbeddedDatabase.start(home, pgPort);
            target = embedded.target();
            if (supervising != null) {
                supervising.watch(embedded);
            }
        }
        Suite.start(new SuiteOptions(root, target.url(), target.user(), target.password(), offset,
                SuiteSecrets.loadOrCreate(home), gateway, env, true, home.resolve(DataFolder.JVM_ARCHIVES)),
                supervising, this::starting);
        Path decided = home.resolve(DataFolder.DEMO_DATA);
        if (loadsDemoData(external != null, Files.exists(decided))) {
            seedIfEmpty(target);
        }
        if (external == null && !Files.exists(decided)) {
            // Decided once per desk: a later plain `up` must not fill a desk that went live empty.
            writeDecision(decided);
        }
        return target;
    }

    /**
     * Whether the desk is being stopped: a service that got the same Ctrl-C can exit before the shutdown hook has
     * begun, so a failure is given a second to turn out to be the stop.
     */
    private boolean stoppedMeanwhile() {
        if (isStopping()) {
            return true;
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return isStopping();
    }

    /**
     * The suite, known to the stop before its first process starts: a stop during the start (Ctrl-C, SIGTERM) stops
     * what has started, then PostgreSQL, and only then says "Stopped.". Before, it knew no suite until all five were
     * up, closed PostgreSQL under a starting ticket-service, and four services came up after "Stopped.".
     */
    private synchronized void starting(Suite starting) {
        if (stopping) {
            throw new SuiteException("Campus Helpdesk is being stopped");
        }
        suite = starting;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /**
     * A desk's data is deleted only by someone who said so: on a terminal they are asked, and a script must say
     * {@code --yes} (a tester's real desk of 318 tickets was replaced by demo tickets with one flag and no question).
     */
    private static boolean confirmWipe(Path home) {
        String what = home + " holds a desk's database: --fresh deletes every ticket, message and file in it, and its "
                + "passwords";
        if (!Terminal.isInteractive()) {
            throw new UsageException(what + "; add --yes to confirm (./helpdesk backup FILE keeps a copy first)");
        }
        String answer = System.console().readLine("%s. Type yes to delete it: ", what);
        if (answer != null && answer.strip().equalsIgnoreCase("yes")) {
            return true;
        }
        System.out.println("Nothing deleted; the desk was not started.");
        return false;
    }

    /** What another command needs to find this desk: nothing for the default folder, else its --data-dir. */
    public static String dataDirFlag(Path root, Path home) {
        Path usual = root.resolve(DataDirOption.DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        if (home.equals(usual)) {
            return "";
        }
        // Quoted for a shell when the path needs it, so that the hint can be copied as it is.
        String path = home.toString();
        return " --data-dir " + (path.matches("[\\w./+-]+") ? path : "'" + path.replace("'", "'\\''") + "'");
    }

    public static Path statusFile(Path home) {
        return home.resolve(DataFolder.STATUS_FILE);
    }

    /** The address to open; for every interface, also how the campus reaches it. */
    static String upLine(ListenAddress gateway) {
        String line = "Campus Helpdesk is up: " + gateway.url();
        if (gateway.isEveryInterface()) {
            line += " (serving every interface: from the campus network open " + gateway.networkUrlToShow() + ")";
        }
        return line;
    }


    /**
     * The staff code: the one given (option, else environment), else, for a desk the network can reach, the one
     * kept in the secrets folder (made on first start): without a code anyone who reaches the gateway could sign
     * in as staff. A desk on loopback alone needs none (only this machine's users reach it).
     */
    private String staffCode(Path home, ListenAddress gateway) {
        String given = givenStaffCode();
        if (given != null) {
            return given;
        }
        if (loopback(gateway.host())) {
            return null;
        }
        String made = SecretStore.open(home).readOrCreateStaffCode();
        generatedStaffCode = made;
        return made;
    }

    /** The code given (option, else environment), checked before anything is done; null without one. */
    private String givenStaffCode() {
        String given = staffCode != null ? staffCode : System.getenv("HELPDESK_STAFF_CODE");
        if (given == null) {
            return null;
        }
        if (given.strip().length() < MIN_STAFF_CODE) {
            throw new UsageException((staffCode != null ? "--staff-code" : "HELPDESK_STAFF_CODE")
                    + " must have at least " + MIN_STAFF_CODE + " characters");
        }
        return given.strip();
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Whether demo tickets go into the database if it holds none. Said on the command line, that stands; else yes for
     * an embedded desk's first start only ({@code decidedBefore}: an earlier start wrote the folder's decision), and
     * never for a database of one's own (--db-url), where a campus keeps its real tickets.
     */
    public boolean loadsDemoData(boolean externalDatabase, boolean decidedBefore) {
        return demoData != null ? demoData : !externalDatabase && !decidedBefore;
    }

    private void writeDecision(Path decided) {
        try {
            Files.writeString(decided, Boolean.FALSE.equals(demoData)
                    ? "none: started with --no-demo-data; ./helpdesk up --demo-data loads them into an empty desk\n"
                    : "demo tickets: loaded on the first start if the desk held none, never again\n");
        } catch (IOException e) {
            System.out.println("Could not note the demo-data choice in " + decided + " (" + e.getMessage() + ")");
        }
    }

    private void seedIfEmpty(DatabaseTarget target) {
        DemoDataLoader.Connector connector = target::connect;
        if (DemoDataLoader.hasTickets(connector)) {
            return;
        }
        SeedReport report = DemoDataLoader.load(connector, SeedPlan.of(DEMO_TICKETS, DEMO_MONTHS), (d, t) -> { });
        System.out.printf("Loaded %d demo tickets over the last %d months (%d messages, %d events) in %d ms%n",
                report.tickets(), DEMO_MONTHS, report.messages(), report.events(), report.duration().toMillis());
    }

    /** Waits for Ctrl-C (the shutdown hook); the supervisor's threads do the watching meanwhile. */
    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shutdown hook: the supervisor first (nothing is restarted any more), the services, PostgreSQL last. */
    private void stop() {
        Suite started;
        synchronized (this) {
            stopping = true;
            started = suite;
        }
        System.out.println("Stopping Campus Helpdesk...");
        if (started != null && started.recordsStartUpCaches()) {
            // Otherwise a first stop after a build looks hung: 30-40 s on two cores, with the JVMs' own lines only.
            System.out.println("Saving the services' start-up caches (the first stop after a build; up to a minute "
                    + "on a small machine); the next start is faster");
        }
        try {
            if (supervisor != null) {
                supervisor.close();
            }
            if (started != null) {
                started.close();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            // The claim is not closed here: the start may still be writing to the folder (a Ctrl-C during it), and
            // the system drops the lock as this JVM exits, which follows this hook.
            stopped.countDown();
            System.out.println("Stopped.");
        }
    }

    /**
     * The database given with --db-url answers: found out here, in one sentence naming it, instead of as
     * ticket-service failing to start with the reason deep in its log.
     */
    private static void requireReachable(DatabaseTarget database) {
        try (java.sql.Connection ignored = database.connect()) {
            // reachable, and the user may sign in
        } catch (java.sql.SQLException e) {
            String reason = String.valueOf(e.getMessage());
            // The driver's first sentence says what failed; the rest is general advice.
            int end = reason.indexOf(". ");
            throw new SuiteException("Cannot use the database at " + database.url() + " as " + database.user() + ": "
                    + (end > 0 ? reason.substring(0, end + 1) : reason));
        }
    }

    /**
     * Two of the desk's own processes on one port (a --listen port inside the offset's range, a --pg-port on a
     * service's) is a wrong command line, said before anything starts: found later, it reads as "already running".
     */
    static void requireDistinct(Map<Service, Integer> ports, Integer pgPort) {
        Map<Integer, String> owners = new java.util.TreeMap<>();
        if (pgPort != null) {
            owners.put(pgPort, "PostgreSQL (--pg-port)");
        }
        for (Map.Entry<Service, Integer> e : ports.entrySet()) {
            String owner = e.getKey().module() + (e.getKey() == Service.GATEWAY ? " (--listen)" : " (--port-offset)");
            String other = owners.putIfAbsent(e.getValue(), owner);
            if (other != null) {
                throw new UsageException(owner + " and " + other + " would both use port " + e.getValue()
                        + "; choose another --listen, --pg-port or --port-offset");
            }
        }
    }
}
