package campus.helpdesk.launcher;

import campus.helpdesk.launcher.supervise.Supervisor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The five services, each as its own {@code java -jar} process, started in dependency order and stopped
 * cleanly. Used by {@code ./helpdesk up} (port offset 0) and by the system tests (offset 10000).
 *
 * <pre>{@code
 * try (Suite suite = Suite.start(options)) {
 *     URI gateway = suite.uri(Service.GATEWAY);
 *     suite.stop(Service.TICKET_SERVICE);   // a fault
 *     suite.start(Service.TICKET_SERVICE);  // and the recovery
 * }
 * }</pre>
 *
 * Nothing restarts a service that dies unless the suite is supervised: {@link #start(SuiteOptions, Supervisor)}
 * (what {@code ./helpdesk up} does) or {@link #supervise}; then {@link #stop(Service)} still stops one on purpose.
 */
public final class Suite implements AutoCloseable {

    /** Generous because five JVMs share two cores with whatever else runs (a build, the tests). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final List<Service> DOWNSTREAM = List.of(
            Service.OPEN_PERIOD, Service.RESOLUTION_TIME, Service.CATEGORY, Service.GATEWAY);

    private final SuiteOptions options;
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final Thread shutdownHook = Thread.ofPlatform().unstarted(this::stopAll);
    private volatile Supervisor supervisor;
    private volatile boolean closed;

    private Suite(SuiteOptions options) {
        this.options = options;
        for (Service service : Service.values()) {
            processes.put(service, new ServiceProcess(service, options, environment(service)));
        }
    }

    /**
     * Starts ticket-service first (it runs the Flyway migration the others depend on), then the analytics
     * services and the gateway in parallel, and returns once every {@code /health} answers UP.
     *
     * @throws PortInUseException when a port is taken (nothing is started then)
     * @throws SuiteException     when a service does not become healthy; its log tail is in the message
     */
    public static Suite start(SuiteOptions options) {
        return start(options, null);
    }

    /**
     * Like {@link #start(SuiteOptions)}, with each service handed to {@code supervisor} as soon as it is first
     * healthy, not once all are: the analytics services load their snapshots from ticket-service while they start
     * (minutes, on a large desk), and a ticket-service that died meanwhile was left down while they waited for it.
     * The suite closes {@code supervisor} when it closes, and when its start fails.
     */
    public static Suite start(SuiteOptions options, Supervisor supervisor) {
        return start(options, supervisor, starting -> { });
    }

    /**
     * Like {@link #start(SuiteOptions, Supervisor)}, handing the suite to {@code starting} before its first process
     * starts: a launcher stopped during the start (Ctrl-C, SIGTERM) then stops what has started, before PostgreSQL.
     * {@code starting} may refuse by throwing, and nothing is started.
     */
    public static Suite start(SuiteOptions options, Supervisor supervisor, Consumer<Suite> starting) {
        Suite suite = new Suite(options);
        suite.supervisor = supervisor;
        suite.processes.values().forEach(ServiceProcess::stopOrphan);
        for (Service service : Service.values()) {
            Ports.requireFree(service.module(), options.port(service));
        }
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            starting.accept(suite);
            suite.start(Service.TICKET_SERVICE);
            suite.startTogether(DOWNSTREAM);
            return suite;
        } catch (RuntimeException e) {
            if (options.logToConsole()) {
                // Said before the stop, which may take minutes (the services save their start-up caches): the person
                // waiting learns at once why the desk is not coming up, and the whole story follows once stopped.
                System.err.println("helpdesk: " + Supervisor.firstLine(e.getMessage()) + "; stopping what started");
            }
            suite.close();
            throw e;
        }
    }

    /**
     * Stops what launchers of this checkout that were killed (kill -9) left running: each service a pid file of
     * theirs names, on any port (a desk started with another --port-offset too, whose services would otherwise run
     * on unsupervised for good), if it still runs this checkout's jar; says each on {@code out}. A live launcher's
     * services are left alone.
     */
    public static void stopLeftOver(Path projectRoot, java.io.PrintStream out) {
        for (Service service : Service.values()) {
            for (PidFile file : ServiceProcess.pidFiles(projectRoot, service)) {
                file.stopOrphan(ServiceProcess.jarMarker(projectRoot, service)).ifPresent(pid -> out.println(
                        "Stopped " + service.module() + " (pid " + pid + "), left running by a launcher that was "
                                + "killed"));
            }
        }
    }

    public SuiteOptions options() {
        return options;
    }

    public URI uri(Service service) {
        return processes.get(service).uri();
    }

    public int port(Service service) {
        return processes.get(service).port();
    }

    public boolean isRunning(Service service) {
        return processes.get(service).isAlive();
    }

    /** The process id of a running service (-1 when it does not run), e.g. to inject a fault. */
    public long pid(Service service) {
        return processes.get(service).pid();
    }

    /**
     * Hands every service to {@code supervisor}, which restarts one that exits or hangs from now on. The suite
     * closes it before stopping the services.
     */
    public synchronized void supervise(Supervisor supervisor) {
        if (this.supervisor != null) {
            throw new IllegalStateException("The suite is supervised already");
        }
        this.supervisor = supervisor;
        processes.values().forEach(supervisor::watch);
    }

    /**
     * Stops one service (SIGTERM, then a kill after 10 s) and waits until it is gone and its port free. A
     * supervisor leaves it stopped until {@link #start(Service)}.
     */
    public void stop(Service service) {
        Supervisor s = supervisor;
        if (s != null) {
            s.pause(service.module());
        }
        processes.get(service).stop();
    }

    /** Starts one service again (a no-op if it runs) and waits until it is healthy. */
    public void start(Service service) {
        ServiceProcess process = processes.get(service);
        launch(List.of(service));
        process.awaitHealthy(START_TIMEOUT);
        supervised(process);
    }

    private void startTogether(List<Service> services) {
        // Launch all first so their JVMs boot side by side, then wait for each.
        launch(services);
        inParallel(services, p -> {
            p.awaitHealthy(START_TIMEOUT);
            supervised(p);
        });
    }

    /** A healthy service is (again) the supervisor's to restart, if there is one. */
    private void supervised(ServiceProcess process) {
        Supervisor s = supervisor;
        if (s == null) {
            return;
        }
        if (s.supervises(process.name())) {
            s.resume(process.name());
        } else {
            s.watch(process);
        }
    }

    /** Runs one action per service on its own (virtual) thread; the first failure is rethrown as is. */
    private void inParallel(List<Service> services, Consumer<ServiceProcess> action) {
        List<Future<?>> tasks = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(s -> tasks.add(executor.submit(() -> action.accept(processes.get(s)))));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new SuiteException("Failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteException("Interrupted", e);
            }
        }
    }

    /** Whether stopping the suite now will take longer because services write their start-up caches as they exit. */
    public boolean recordsStartUpCaches() {
        return processes.values().stream().anyMatch(ServiceProcess::recordsStartUpCache);
    }

    /** Stops every service: the gateway and analytics first, ticket-service last. Safe to call twice. */
    @Override
    public void close() {
        // Not short-cut on `closed`: if the shutdown hook is stopping the services right now, this waits for it
        // (stopAll is synchronized), so a caller can rely on every service being gone when close() returns.
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run; nothing to unregister.
        }
    }

    /**
     * Starts the processes, unless the suite is being stopped: under the lock {@link #stopAll} holds, so that no
     * process starts after the stop has looked (four services went on starting after a SIGTERM had said "Stopped.").
     */
    private synchronized void launch(List<Service> services) {
        if (closed) {
            throw new SuiteException("Campus Helpdesk is being stopped; " + services.getFirst().module()
                    + " was not started");
        }
        services.forEach(s -> processes.get(s).start());
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        Supervisor s = supervisor;
        if (s != null) {
            s.close();
        }
        inParallel(DOWNSTREAM, ServiceProcess::stop);
        processes.get(Service.TICKET_SERVICE).stop();
    }

    /**
     * What each service is told. The database credentials go to ticket-service only, the one with a database;
     * the session secret to the gateway only. Every service but the gateway binds 127.0.0.1, so nothing off
     * this machine reaches them except through the gateway.
     */
    private Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        ListenAddress listen = options.listen(service);
        env.put("HELPDESK_HOST", listen.host());
        env.put("HELPDESK_PORT", String.valueOf(listen.port()));
        env.put("HELPDESK_SERVICE_KEY", options.secrets().serviceKey());
        // glibc gives each thread that mallocs its own 64 MB arena (up to 8 per core): the JIT's and Netty's threads
        // leave resident memory in several of them. Two arenas are plenty for a service on a 2-core machine.
        env.put("MALLOC_ARENA_MAX", "2");
        if (service == Service.TICKET_SERVICE) {
            env.put("HELPDESK_DB_URL", options.jdbcUrl());
            env.put("HELPDESK_DB_USER", options.dbUser());
            env.put("HELPDESK_DB_PASSWORD", options.dbPassword());
            // The link in notification mails, read on other machines once the desk serves the network; the SMTP
            // settings (HELPDESK_SMTP_*) reach it from this process's own environment, which every service inherits.
            env.put("HELPDESK_PUBLIC_URL", System.getenv().getOrDefault("HELPDESK_PUBLIC_URL",
                    options.gateway().networkUrl()));
        }
        if (service == Service.GATEWAY) {
            env.put("HELPDESK_SESSION_SECRET", options.secrets().sessionSecret());
        }
        env.put("TICKET_SERVICE_URL", localUrl(Service.TICKET_SERVICE));
        env.put("OPEN_PERIOD_URL", localUrl(Service.OPEN_PERIOD));
        env.put("RESOLUTION_TIME_URL", localUrl(Service.RESOLUTION_TIME));
        env.put("CATEGORY_URL", localUrl(Service.CATEGORY));
        env.putAll(options.extraEnv());
        return env;
    }

    private String localUrl(Service service) {
        return "http://127.0.0.1:" + options.port(service);
    }
}
