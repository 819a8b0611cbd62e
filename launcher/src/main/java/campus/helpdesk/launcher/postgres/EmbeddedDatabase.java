package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.Ports;
import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.cli.DatabaseOptions;
import campus.helpdesk.launcher.cli.DatabaseTarget;
import campus.helpdesk.launcher.secrets.SecretStore;
import campus.helpdesk.launcher.supervise.Supervised;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The real PostgreSQL binaries (from Maven Central, via zonky), running on 127.0.0.1:15432 with their data in
 * {@code .helpdesk/pgdata}, kept across restarts. Creates the {@code helpdesk} role and database when missing.
 *
 * <p>It holds a desk's real data, so it is not run the way the library runs test databases: fsync stays on,
 * it listens on the loopback address only, and every role, the superuser included, signs in with a random
 * password (scram-sha-256) kept in {@code .helpdesk/secrets/}.
 *
 * <p>A {@link campus.helpdesk.launcher.supervise.Supervisor} may watch it: when the server dies it is started
 * again on the same folder and port (PostgreSQL replays its WAL), and the services reconnect by themselves.
 */
public final class EmbeddedDatabase implements Supervised, AutoCloseable {

    public static final int DEFAULT_PORT = DatabaseOptions.DEFAULT_PG_PORT;
    static final String SUPERUSER = "postgres";
    static final String OWNER = "helpdesk";

    private final Path home;
    private final int port;
    private final DatabaseTarget target;
    /**
     * One probe's wait for a new session and {@code SELECT 1}: with 3 probes in a row, a server that answers nothing
     * for about 40 s is killed and started again. A busy one answers in milliseconds.
     */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private volatile EmbeddedPostgres postgres;
    private volatile Postmaster postmaster;
    private volatile Duration probeTimeout = PROBE_TIMEOUT;

    private EmbeddedDatabase(Path home, int port, Started started, DatabaseTarget target) {
        this.home = home;
        this.port = port;
        this.target = target;
        this.postgres = started.postgres();
        this.postmaster = started.postmaster();
    }

    private record Started(EmbeddedPostgres postgres, Postmaster postmaster) {
    }

    /**
     * Stops the PostgreSQL a launcher killed without its shutdown left running on {@code home} (see
     * {@link Postmaster#stopLeftOver}); says so on {@code out}. Only for a folder no live launcher holds.
     */
    public static void stopLeftOver(Path home, java.io.PrintStream out) {
        DataFolder.requireNotInUse(home);
        try {
            Postmaster.stopLeftOver(dataDirectory(home)).ifPresent(pid -> out.println("Stopped PostgreSQL (pid " + pid
                    + "), left running on " + home + " by a launcher that was killed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            throw new SuiteException(e.getMessage() + "; stop it, then start again");
        }
    }

    /** True when {@code home} holds the data of an earlier run. */
    public static boolean exists(Path home) {
        return Files.exists(dataDirectory(home).resolve("PG_VERSION"));
    }

    public static EmbeddedDatabase start(Path home, int port) {
        DataFolder.requireNotInUse(home);
        Ports.requireFree("PostgreSQL", port);
        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(SecretStore.open(home));
        DataFolder.heldHere(home, true);
        try {
            EmbeddedDatabase database = new EmbeddedDatabase(home, port, launch(home, port),
                    DatabaseTarget.local(port, passwords.owner()));
            RunningDatabase.remember(home, port);
            return database;
        } catch (RuntimeException e) {
            DataFolder.heldHere(home, false);
            throw e;
        }
    }

    private static Started launch(Path home, int port) {
        Path data = dataDirectory(home);
        SecretStore store = SecretStore.open(home);
        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(store);
        EmbeddedPostgres postgres;
        try {
            postgres = builder(home, data, port, store, passwords).start();
        } catch (IOException e) {
            forgetFailedStart(data);
            throw new SuiteException("PostgreSQL did not start (" + rootMessage(e) + "); see "
                    + home.resolve(DataFolder.POSTGRES_LOG) + wrongPasswordHint(e, home) + lockFileHint(home)
                    + diskFullHint(home), e);
        } catch (IllegalStateException e) {
            // The library's lock, taken by a launcher that started on the folder since requireNotInUse looked.
            if (e instanceof java.nio.channels.OverlappingFileLockException
                    || String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw DataFolder.inUse(home);
            }
            throw e;
        }
        try {
            List<String> sockets = prepare(postgres.getPort(), data, passwords);
            return new Started(postgres, Postmaster.of(data, port, sockets));
        } catch (SQLException e) {
            close(postgres);
            throw new SuiteException("PostgreSQL started but the helpdesk database could not be prepared: "
                    + e.getMessage(), e);
        }
    }

    /**
     * What a start that failed leaves behind, undone so that the next one can run: the library's lock on the folder,
     * which it takes before starting the server and keeps when the start fails (this JVM holds its file locked, so
     * every restart after one failed, a full disk's for one, was refused as "in use by another ./helpdesk" even once
     * the disk had room again), and a server it gave up waiting for, which would run on with nobody's hand on it. A
     * fresh lock file is a new file to lock; only this launcher, which holds the folder, reaches this.
     */
    private static void forgetFailedStart(Path data) {
        try {
            Postmaster.stopLeftOver(data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            System.err.println("PostgreSQL did not stop after a failed start: " + e.getMessage());
        }
        try {
            Files.deleteIfExists(data.resolve(LIBRARY_LOCK));
        } catch (IOException e) {
            System.err.println("Could not remove " + data.resolve(LIBRARY_LOCK) + ": " + e.getMessage());
        }
    }

    /** The file the library locks while it runs a server on a folder ({@code EmbeddedPostgres}, 2.x). */
    static final String LIBRARY_LOCK = "epg-lock";

    private static EmbeddedPostgres.Builder builder(Path home, Path data, int port, SecretStore store,
                                                    DatabasePasswords passwords) throws IOException {
        Files.createDirectories(home);
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                // initdb (first start only): password sign-in for every role from the first second. The
                // superuser's password is read from its secret file, so it never appears on a command line.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", store.file(SecretStore.POSTGRES_PASSWORD).toString())
                // The library's readiness check signs in as the superuser with these properties.
                .setConnectConfig("password", passwords.superuser())
                // The launcher stops PostgreSQL itself, after the services, so they never lose it mid-request.
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // The library starts PostgreSQL with -F (fsync off) and synchronous_commit off, for test speed;
                // these -c settings come after -F and win. A ticket a student saw accepted must survive a power
                // cut, and a crash without fsync can corrupt the whole database.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_wal_size", "2GB")
                // The default (a 32nd of shared_buffers: 4 MB) filled during a demo load, and its COPYs then waited
                // for each other's WAL writes: 16 MB took a million tickets from 90 to 83 s (BENCHMARKS.md).
                .setServerConfig("wal_buffers", "16MB")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve(DataFolder.POSTGRES_LOG).toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve(DataFolder.POSTGRES_LOG).toFile()));
    }

    public DatabaseTarget target() {
        return target;
    }

    @Override
    public synchronized void close() {
        close(postgres);
        DataFolder.heldHere(home, false);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Path log() {
        return home.resolve(DataFolder.POSTGRES_LOG);
    }

    @Override
    public long pid() {
        return postmaster.pid();
    }

    @Override
    public boolean isAlive() {
        return postmaster.isAlive();
    }

    @Override
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        return !isAlive();
    }

    @Override
    public String exitDescription() {
        return "exited (postmaster " + pid() + " is gone)";
    }

    /**
     * Whether the server takes a new session and answers {@code SELECT 1} within {@link #probeTimeout}, longer than
     * a service's probe: a server busy with a bulk load or a checkpoint is slow, not hung. An error the server sends
     * (too many connections, a refused password) is an answer; silence is not: a postmaster or backends stopped
     * (SIGSTOP) or stuck. Before, only the postmaster's process was looked at, and a hung server was never replaced.
     */
    @Override
    public boolean answers(Duration timeout) {
        Properties session = new Properties();
        session.setProperty("user", target.user());
        session.setProperty("password", target.password());
        String seconds = String.valueOf(Math.max(1, probeTimeout.toSeconds()));
        session.setProperty("connectTimeout", seconds);
        session.setProperty("loginTimeout", seconds);
        session.setProperty("socketTimeout", seconds);
        session.setProperty("ApplicationName", "helpdesk-launcher-probe");
        try (Connection c = DriverManager.getConnection(target.url(), session);
             Statement statement = c.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            // Class 08: no connection, or it broke or timed out; any other class is the server's own answer.
            return e.getSQLState() != null && !e.getSQLState().startsWith("08");
        }
    }

    /** How long one probe of {@link #answers} waits ({@link #PROBE_TIMEOUT} unless a test sets it shorter). */
    public void probeTimeout(Duration timeout) {
        this.probeTimeout = timeout;
    }

    @Override
    public void kill() {
        try {
            postmaster.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same folder and port, after its postmaster died. */
    @Override
    public synchronized void restart(Duration timeout) {
        try {
            postmaster.clearLocksOfTheDead();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("Interrupted", e);
        }
        // Releases the library's lock on the folder; its "pg_ctl stop" finds no server, which is expected.
        close(postgres);
        Ports.requireFree("PostgreSQL", port);
        Started started = launch(home, port);
        postgres = started.postgres();
        postmaster = started.postmaster();
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    static Path dataDirectory(Path home) {
        return home.resolve(DataFolder.PGDATA);
    }

    /**
     * Hardens a data folder from before passwords (pg_hba.conf trusting everyone, the owner's password
     * "helpdesk"), then makes sure the owner role and its database exist with the owner's current password.
     */
    private static List<String> prepare(int port, Path data, DatabasePasswords passwords) throws SQLException {
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, SUPERUSER, passwords.superuser());
             Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            boolean trusting = PgHba.trustsAnyone(data);
            if (trusting) {
                setPassword(pg, SUPERUSER, passwords.superuser());
            }
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "'")) {
                s.execute("CREATE ROLE " + OWNER + " LOGIN");
            }
            // Every start: the secret file is the truth, even if someone replaced it.
            setPassword(pg, OWNER, passwords.owner());
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + OWNER + "'")) {
                s.execute("CREATE DATABASE " + OWNER + " OWNER " + OWNER);
            }
            if (trusting) {
                // Passwords first, then the rule that demands them, so no role is ever locked out.
                PgHba.writePasswordOnly(data);
                s.execute("SELECT pg_reload_conf()");
                System.out.println("Secured the existing database: every role now needs its password "
                        + "(kept in " + data.resolveSibling(DataFolder.SECRETS) + ")");
            }
            try (ResultSet rs = s.executeQuery("SHOW unix_socket_directories")) {
                rs.next();
                return new ArrayList<>(Arrays.asList(rs.getString(1).split(",")));
            }
        }
    }

    /**
     * The driver hashes the password (SCRAM) before sending ALTER ROLE, so the plain password never reaches the
     * server, its logs or pg_stat_activity.
     */
    private static void setPassword(PGConnection pg, String role, String password) throws SQLException {
        pg.alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause == e ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
    }

    /**
     * PostgreSQL refused to start because its lock file names a process that is alive: after a crash and a reboot
     * the old pid may belong to anything, and the launcher stops only a {@code postgres} working in this folder. Said
     * here, from the server's log, rather than only "gave up waiting".
     */
    static String lockFileHint(Path home) {
        if (!logEndSays(home, "lock file \"postmaster.pid\" already exists")) {
            return "";
        }
        return ". Its lock file " + dataDirectory(home).resolve("postmaster.pid") + " names a process that is "
                + "running but is no PostgreSQL of this desk (a pid used again after a crash): if no PostgreSQL runs "
                + "on this folder, delete that file and start again";
    }

    /**
     * A full disk: the start said only "Connection refused", and "No space left on device" was in postgres.log
     * alone (found by an operator tester). The supervisor goes on trying, so room made is all it takes.
     */
    static String diskFullHint(Path home) {
        return logEndSays(home, "No space left on device")
                ? ". The disk of " + home + " is full (postgres.log: \"No space left on device\"): make room on it, "
                        + "and PostgreSQL starts again by itself"
                : "";
    }

    /** Whether the end of postgres.log, the failed start's own lines and not an old incident's, holds {@code text}. */
    private static boolean logEndSays(Path home, String text) {
        try {
            return tail(home.resolve(DataFolder.POSTGRES_LOG), 2048).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file, int bytes) throws IOException {
        try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, in.length() - bytes);
            byte[] read = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(read);
            return new String(read, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A data folder kept while its secrets folder was deleted: the new random password cannot sign in. */
    private static String wrongPasswordHint(IOException e, Path home) {
        return rootMessage(e).contains("password authentication failed")
                ? ". The password in " + SecretStore.folder(home) + " does not open the database in "
                        + dataDirectory(home) + ": restore the secrets folder (the files a backup holds), or start "
                        + "afresh with --fresh, which deletes every ticket in it"
                : "";
    }
}
