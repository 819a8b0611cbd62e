package campus.helpdesk.launcher;

import campus.helpdesk.launcher.supervise.Supervised;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One service running as its own {@code java -jar} process, with its log and its health check. */
final class ServiceProcess implements Supervised {


    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Service service;
    private final SuiteOptions options;
    private final Map<String, String> env;
    private final ProcessLog log;
    private final PidFile pidFile;
    private volatile Process process;
    private final StartUpCache startUpCache;

    ServiceProcess(Service service, SuiteOptions options, Map<String, String> env) {
        this.service = service;
        this.options = options;
        this.env = env;
        Path target = options.projectRoot().resolve(service.module()).resolve("target");
        this.log = new ProcessLog(service.module(), target.resolve(service.module() + "-" + port() + ".log"),
                options.logToConsole() ? System.out : null);
        this.pidFile = pidFile(options.projectRoot(), service, port());
        this.startUpCache = new StartUpCache(log);
    }

    Service service() {
        return service;
    }

    /** Where the process of {@code service} on {@code port} is remembered (beside its jar and its log). */
    static PidFile pidFile(Path projectRoot, Service service, int port) {
        return new PidFile(projectRoot.resolve(service.module()).resolve("target")
                .resolve(service.module() + "-" + port + ".pid"));
    }

    /** Every pid file of {@code service} in this checkout, whatever port its desk used. */
    static List<PidFile> pidFiles(Path projectRoot, Service service) {
        Path folder = projectRoot.resolve(service.module()).resolve("target");
        Pattern name = Pattern.compile(Pattern.quote(service.module()) + "-\\d+\\.pid");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches()).map(PidFile::new).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Stops this service's process left behind by a launcher that died without cleaning up. */
    void stopOrphan() {
        pidFile.stopOrphan(jarMarker(options.projectRoot(), service));
    }

    /** The start of this checkout's jar path on the service's command line: no other checkout's, no log reader. */
    static String jarMarker(Path projectRoot, Service service) {
        return projectRoot.resolve(service.module()).resolve("target").resolve(service.module() + "-").toString();
    }

    @Override
    public String name() {
        return service.module();
    }

    @Override
    public Path log() {
        return log.file();
    }

    int port() {
        return options.port(service);
    }

    URI uri() {
        String host = options.listen(service).localHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    @Override
    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    @Override
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** Launches the process without waiting for it; see {@link #awaitHealthy}. */
    void start() {
        if (isAlive()) {
            return;
        }
        startUpCache.exited(false);
        Path jar = findJar();
        stopOrphan();
        Ports.requireFree(service.module(), port());
        ProcessBuilder builder = new ProcessBuilder(command(jar)).redirectErrorStream(true)
                .redirectOutput(log.redirect()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .directory(options.projectRoot().toFile());
        builder.environment().putAll(env);
        try {
            Process started = builder.start();
            log.follow(started);
            process = started;
            pidFile.write(started.pid());
        } catch (IOException e) {
            throw new SuiteException("Cannot start " + service.module() + ": " + e.getMessage(), e);
        }
    }

    private List<String> command(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        Path archiveDir = options.archiveDir() != null ? options.archiveDir() : jar.getParent();
        try {
            Files.createDirectories(archiveDir);
        } catch (IOException e) {
            throw new SuiteException("Cannot create " + archiveDir + ": " + e.getMessage(), e);
        }
        List<String> flags = JvmFlags.of(service, jar, archiveDir, Runtime.version().feature());
        startUpCache.startedWith(flags);
        command.addAll(flags);
        // Appended, so that they win over the flags above.
        String extra = System.getenv("HELPDESK_SERVICE_JVM_FLAGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * Polls {@code /health} until it answers UP; fails fast, with the log tail, if the process dies. {@code timeout}
     * bounds the wait for a first answer, longer while its log grows ({@link StartDeadline}). A service that answers
     * but is not ready yet (an analytics service loading the facts of a million tickets on a busy machine takes
     * minutes) is given up to {@link StartDeadline#LOADING_LIMIT} in all: giving up on it would stop a desk that was
     * about to be ready.
     */
    void awaitHealthy(Duration timeout) {
        StartDeadline deadline = new StartDeadline(timeout, log.size(), System::nanoTime);
        HttpRequest request = HttpRequest.newBuilder(uri().resolve(service.healthPath()))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!isAlive()) {
                if (startUpCache.droppedRefused(log.tail())) {
                    start();
                    continue;
                }
                throw failure("exited with code " + exitCode() + " before it was healthy");
            }
            Health health = health(request);
            if (health == Health.UP) {
                startUpCache.ready();
                return;
            }
            if (health == Health.NOT_READY) {
                deadline.answered();
            }
            deadline.logIs(log.size());
            if (deadline.passed()) {
                throw failure(deadline.why(request.uri()));
            }
            sleep(100);
        }
    }

    private enum Health { NO_ANSWER, NOT_READY, UP }

    private static Health health(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"") ? Health.UP : Health.NOT_READY;
        } catch (IOException e) {
            return Health.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("Interrupted while waiting for health", e);
        }
    }

    @Override
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        Process p = process;
        return p == null || p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String exitDescription() {
        return "exited (code " + exitCode() + ")";
    }

    /**
     * On a connection of its own, closed after the answer, as a new client would connect: a pooled one kept open
     * from the last probe let a service that could no longer take connections (its jar rewritten under it, every new
     * connection timing out) pass for healthy while every client got a 504.
     */
    @Override
    public boolean answers(Duration timeout) {
        URI health = uri().resolve(service.livenessPath());
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(health.getHost(), health.getPort()), millis);
            socket.setSoTimeout(millis);
            socket.getOutputStream().write(("GET " + health.getRawPath() + " HTTP/1.1\r\nHost: " + health.getHost()
                    + ":" + health.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] statusLine = socket.getInputStream().readNBytes("HTTP/1.1 200".length());
            // Alive is a 200: liveness has no database check to fail while the database is away, only the JVM's
            // own (a deadlock of its threads answers 503, and such a process is as hung as a silent one).
            return new String(statusLine, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        killWithItsChildren(p);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        waitForPortRelease();
    }

    /**
     * The JVM and what it started: as it exits, a JVM that records its start-up cache starts a second one to write it,
     * which would otherwise go on writing after the first was killed.
     */
    private static void killWithItsChildren(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    @Override
    public void restart(Duration timeout) {
        start();
        awaitHealthy(timeout);
    }

    /**
     * Asks the process to stop (SIGTERM, so the service shuts down cleanly), then kills it if it lingers: after 10 s,
     * or 120 s on the run that writes the service's start-up archive as it exits (measured: seconds on a quiet
     * machine, far more on a loaded one; killed, it would write none, and the next start would be slow again).
     */
    void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        // One that had already died (a crash) did not stop when asked.
        boolean stoppedWhenAsked = p.isAlive();
        p.destroy();
        try {
            stoppedWhenAsked &= p.waitFor(startUpCache.recordsOnExit() ? 120 : 10, TimeUnit.SECONDS);
            if (p.isAlive()) {
                killWithItsChildren(p);
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            stoppedWhenAsked = false;
            killWithItsChildren(p);
            Thread.currentThread().interrupt();
        }
        if (!p.isAlive()) {
            startUpCache.exited(stoppedWhenAsked);
        }
        // Micronaut may keep the port in TIME_WAIT/LISTEN briefly; a restart checks the port before binding.
        waitForPortRelease();
    }

    /** Whether this process writes its start-up cache as it stops: the first stop after a new jar, seconds longer. */
    boolean recordsStartUpCache() {
        Process p = process;
        return p != null && p.isAlive() && startUpCache.recordsOnExit();
    }

    private void waitForPortRelease() {
        for (int i = 0; i < 50 && !Ports.isFree(port()); i++) {
            sleep(100);
        }
    }

    private String exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? "?" : String.valueOf(p.exitValue());
    }

    private SuiteException failure(String what) {
        return new SuiteException(service.module() + " (port " + port() + ") " + what + ". Log: " + log.file()
                + "\n--- last lines of " + service.module() + " ---\n" + log.tail());
    }

    private Path findJar() {
        Path target = options.projectRoot().resolve(service.module()).resolve("target");
        String prefix = service.module() + "-";
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith("-all.jar"))
                    .max(Comparator.comparingLong(ServiceProcess::lastModified))
                    .orElseThrow(() -> missingJar(target));
        } catch (IOException e) {
            throw missingJar(target);
        }
    }

    private SuiteException missingJar(Path target) {
        return new SuiteException("No " + service.module() + "-*-all.jar in " + target
                + ": build it first with ./mvnw -B -DskipTests package");
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The same java that runs this launcher, so one JDK choice holds for the whole suite. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("Interrupted", e);
        }
    }
}
