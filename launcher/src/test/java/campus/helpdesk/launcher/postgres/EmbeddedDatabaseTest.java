package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.secrets.SecretStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL of {@code ./helpdesk up}, started for real on ports of its own. */
class EmbeddedDatabaseTest {

    private static final int PORT = 25433;
    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres";
    private static final String HELPDESK = "jdbc:postgresql://127.0.0.1:" + PORT + "/helpdesk";

    @TempDir
    Path home;

    @Test
    void runsWithFsyncOnAndListensOnLoopbackOnly() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, PORT);
             Connection c = db.target().connect()) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(RunningDatabase.lastPort(home)).as("remembered for commands on the stopped desk").hasValue(PORT);
            assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(ListeningSockets.addresses(PORT)).containsOnly("127.0.0.1");
        }
    }

    @Test
    void everyRoleNeedsItsPasswordTheSuperuserToo() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, PORT)) {
            assertRefused(ADMIN, "postgres", null);
            assertRefused(ADMIN, "postgres", "postgres");
            assertRefused(HELPDESK, "helpdesk", null);
            assertRefused(HELPDESK, "helpdesk", "helpdesk");
            assertThat(PgHba.trustsAnyone(EmbeddedDatabase.dataDirectory(home))).isFalse();

            String superuser = secret(SecretStore.POSTGRES_PASSWORD);
            try (Connection c = DriverManager.getConnection(ADMIN, "postgres", superuser)) {
                assertThat(show(c, "is_superuser")).isEqualTo("on");
            }
            try (Connection c = db.target().connect()) {
                assertThat(query(c, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'helpdesk'"))
                        .isEqualTo("helpdesk");
                assertThat(db.target().password()).isEqualTo(secret(SecretStore.HELPDESK_PASSWORD));
            }
        }
    }

    @Test
    void theSecretsAreOwnerOnlyAndKeptForTheNextStart() throws Exception {
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(home, PORT)) {
            // started once
        }
        String owner = secret(SecretStore.HELPDESK_PASSWORD);
        String superuser = secret(SecretStore.POSTGRES_PASSWORD);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, PORT); Connection c = db.target().connect()) {
            assertThat(query(c, "SELECT 1")).isEqualTo("1");
            assertThat(db.target().password()).isEqualTo(owner);
        }
        assertThat(secret(SecretStore.POSTGRES_PASSWORD)).isEqualTo(superuser);
        Path dir = SecretStore.folder(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).allSatisfy(f -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }

    @Test
    void aDataFolderFromBeforePasswordsIsHardenedOnItsNextStart() throws Exception {
        createTrustingFolderAsBefore();
        assertThat(PgHba.trustsAnyone(EmbeddedDatabase.dataDirectory(home))).isTrue();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, PORT)) {
            assertThat(PgHba.rules(EmbeddedDatabase.dataDirectory(home))).noneMatch(r -> r.contains("trust"));
            assertRefused(ADMIN, "postgres", null);
            assertRefused(HELPDESK, "helpdesk", "helpdesk");
            try (Connection c = db.target().connect()) {
                assertThat(query(c, "SELECT count(*) FROM old_data")).isEqualTo("1");
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
        }
        // And it stays so after a restart.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, PORT); Connection c = db.target().connect()) {
            assertRefused(ADMIN, "postgres", null);
            assertThat(query(c, "SELECT count(*) FROM old_data")).isEqualTo("1");
        }
    }

    /** What the launcher made before this change: initdb with trust, the owner's password "helpdesk". */
    /**
     * A restart that fails (a full disk, a setting PostgreSQL refuses) must not keep the folder from the next one:
     * the library kept its lock after a failed start, and the supervisor's every later try was refused as "in use".
     */
    @Test
    void aRestartThatFailedDoesNotStopTheNextOne() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, PORT)) {
            Path settings = EmbeddedDatabase.dataDirectory(home).resolve("postgresql.auto.conf");
            String before = Files.readString(settings);
            Files.writeString(settings, before + "\nshared_buffers = 'not a size'\n");
            new ProcessBuilder("kill", "-9", String.valueOf(db.pid())).start().waitFor();
            awaitGone(db.pid());

            assertThatThrownBy(() -> db.restart(java.time.Duration.ofSeconds(30)))
                    .hasMessageContaining("PostgreSQL did not start");

            Files.writeString(settings, before);
            db.restart(java.time.Duration.ofSeconds(30));
            try (Connection c = db.target().connect()) {
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
        }
    }

    @Test
    void aLockFileNamingAnotherLiveProcessIsSaidWithWhatToDo() throws Exception {
        Path log = home.resolve(DataFolder.POSTGRES_LOG);
        Files.writeString(log, "2026-12-07 12:20:01 UTC FATAL:  lock file \"postmaster.pid\" already exists\n"
                + "2026-12-07 12:20:01 UTC HINT:  Is another postmaster (PID 6711) running in data directory?\n");
        assertThat(EmbeddedDatabase.lockFileHint(home)).contains("postmaster.pid", "delete that file");
        Files.writeString(log, "2026-12-07 12:20:01 UTC FATAL:  could not write to file \"pg_wal/xlogtemp.1\"\n");
        assertThat(EmbeddedDatabase.lockFileHint(home)).isEmpty();
    }

    @Test
    void aFullDiskIsSaidFromTheServersLog() throws Exception {
        Path log = home.resolve(DataFolder.POSTGRES_LOG);
        Files.writeString(log, "2026-12-08 01:10:02 UTC PANIC:  could not write to file \"pg_wal/xlogtemp.8\": "
                + "No space left on device\n");
        assertThat(EmbeddedDatabase.diskFullHint(home)).contains("is full", "make room");
        Files.writeString(log, "2026-12-08 01:10:02 UTC LOG:  database system is ready to accept connections\n");
        assertThat(EmbeddedDatabase.diskFullHint(home)).isEmpty();
    }

    private static void awaitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
    }

    private void createTrustingFolderAsBefore() throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(EmbeddedDatabase.dataDirectory(home))
                .setCleanDataDirectory(false).setPort(PORT).start()) {
            try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("CREATE ROLE helpdesk LOGIN PASSWORD 'helpdesk'");
                s.execute("CREATE DATABASE helpdesk OWNER helpdesk");
            }
            try (Connection c = DriverManager.getConnection(HELPDESK, "helpdesk", "helpdesk");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE old_data (id int)");
                s.execute("INSERT INTO old_data VALUES (1)");
            }
        }
    }

    private String secret(String name) {
        return SecretStore.existing(home).orElseThrow().read(name).orElseThrow();
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> {
            try (Connection ignored = password == null ? DriverManager.getConnection(url + "?user=" + user)
                    : DriverManager.getConnection(url, user, password)) {
                // signed in: the assertion fails
            }
        }).as(user + " with password " + password).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }

    private static String show(Connection c, String setting) throws SQLException {
        return query(c, "SHOW " + setting);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
