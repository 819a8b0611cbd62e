package campus.helpdesk.launcher.backup;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.secrets.SecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ./helpdesk backup} of a real embedded PostgreSQL while it is written to, and its restore elsewhere. */
class BackupAndRestoreTest {

    private static final int PORT = 25443;

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileRowsAreWrittenOpensWithEveryRowCommittedBeforeItAndNoneAfter() throws Exception {
        Path desk = dir.resolve("desk");
        Path file = dir.resolve("desk-backup.zip");
        long ackedBefore;
        long ackedAfter;
        OnlineBackup.Made made;
        String ownerPassword;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(desk, PORT); Connection c = db.target().connect()) {
            ownerPassword = db.target().password();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)");
                // More than one WAL segment's worth, so that the copy takes a while and the replay has work.
                s.execute("CREATE TABLE bulk AS SELECT g AS id, md5(g::text) || repeat('x', 400) AS body "
                        + "FROM generate_series(1, 60000) g");
            }
            AtomicLong acked = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Exception> failed = new AtomicReference<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                try (Connection w = db.target().connect();
                     PreparedStatement insert = w.prepareStatement("INSERT INTO notes VALUES (?, ?)")) {
                    for (long id = 1; writing.get(); id++) {
                        insert.setLong(1, id);
                        insert.setString(2, "note " + id);
                        insert.executeUpdate();
                        acked.set(id);
                    }
                } catch (SQLException e) {
                    failed.set(e);
                }
            });
            while (acked.get() < 50) {
                Thread.sleep(10);
            }
            ackedBefore = acked.get();
            made = new OnlineBackup(desk, PORT).writeTo(file);
            ackedAfter = acked.get();
            Thread.sleep(200);
            writing.set(false);
            writer.join();
            assertThat(failed.get()).isNull();
            assertThat(acked.get()).as("rows written after the backup ended").isGreaterThan(ackedAfter + 1);
        }

        assertThat(made.walSegments()).isPositive();
        assertThat(made.files()).isGreaterThan(100);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(dir.resolve("desk-backup.zip.partial")).doesNotExist();

        Path restored = dir.resolve("restored");
        Restore.Restored unpacked = Restore.into(file, restored);
        assertThat(unpacked.files()).isGreaterThan(100);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("pgdata"))))
                .isEqualTo("rwx------");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(restored, PORT); Connection c = db.target().connect();
             Statement s = c.createStatement()) {
            assertThat(db.target().password()).as("opens with the secrets it was made with").isEqualTo(ownerPassword);
            try (ResultSet r = s.executeQuery("SELECT count(*), coalesce(max(id), 0) FROM notes")) {
                r.next();
                long count = r.getLong(1);
                assertThat(r.getLong(2)).as("no row missing in between").isEqualTo(count);
                assertThat(count).as("every row acknowledged before the backup began")
                        .isGreaterThanOrEqualTo(ackedBefore);
                // The one in flight when the backup ended may have committed before its acknowledgement arrived.
                assertThat(count).as("no row written after the backup ended").isLessThanOrEqualTo(ackedAfter + 1);
            }
            try (ResultSet r = s.executeQuery("SELECT count(*), sum(length(body)) FROM bulk")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(60000);
                assertThat(r.getLong(2)).isEqualTo(60000L * 432);
            }
        }
    }

    @Test
    void aRestoreNeverWritesOverADeskAndRefusesWhatIsNotABackup() throws Exception {
        Path desk = dir.resolve("desk");
        SecretStore.open(desk).readOrCreate(SecretStore.HELPDESK_PASSWORD);
        Path someZip = dir.resolve("photos.zip");
        zip(someZip, "holiday.jpg", "not a database");
        assertThatThrownBy(() -> Restore.into(someZip, desk)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("already holds a desk");

        Path fresh = dir.resolve("fresh");
        assertThatThrownBy(() -> Restore.into(someZip, fresh)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not a Campus Helpdesk backup").hasMessageContaining("holiday.jpg");

        Path climbing = dir.resolve("climbing.zip");
        zip(climbing, "pgdata/../../escaped.txt", "out of the folder");
        assertThatThrownBy(() -> Restore.into(climbing, fresh)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not a Campus Helpdesk backup");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();

        Path partial = dir.resolve("partial.zip");
        zip(partial, "pgdata/PG_VERSION", "17");
        assertThatThrownBy(() -> Restore.into(partial, fresh)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("it lacks");
        assertThat(fresh.resolve("pgdata")).doesNotExist();
        assertThat(fresh.resolve("secrets")).doesNotExist();

        assertThatThrownBy(() -> Restore.into(dir.resolve("nothing.zip"), fresh)).isInstanceOf(SuiteException.class)
                .hasMessageStartingWith("No backup file at");
    }

    @Test
    void aBackupNeedsTheRunningDeskAndANewFile() throws Exception {
        Path desk = dir.resolve("desk");
        SecretStore.open(desk).readOrCreate(SecretStore.POSTGRES_PASSWORD);
        assertThatThrownBy(() -> new OnlineBackup(desk, PORT).writeTo(dir.resolve("b.zip")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("start ./helpdesk up first");
        assertThat(dir.resolve("b.zip.partial")).doesNotExist();

        Path existing = Files.writeString(dir.resolve("kept.zip"), "someone's file");
        assertThatThrownBy(() -> new OnlineBackup(desk, PORT).writeTo(existing))
                .isInstanceOf(SuiteException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(existing)).isEqualTo("someone's file");
    }

    private static void zip(Path file, String entry, String content) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
