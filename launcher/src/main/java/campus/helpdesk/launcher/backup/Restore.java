package campus.helpdesk.launcher.backup;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.postgres.DataFolder;
import campus.helpdesk.launcher.postgres.EmbeddedDatabase;
import campus.helpdesk.launcher.secrets.SecretStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a backup made by {@link OnlineBackup} into a data folder that holds no desk, ready for
 * {@code ./helpdesk up}: PostgreSQL finds the {@code backup_label}, replays the WAL the file carries and opens the
 * database as it was when the backup ended. A folder with a database or secrets of its own is never written over:
 * that desk's data would be lost with one mistyped {@code --data-dir}.
 */
public final class Restore {

    private static final String UNPACKING = ".restoring";

    private Restore() {
    }

    /** What was unpacked, for the command to report. */
    public record Restored(Path home, int files, String made) {
    }

    public static Restored into(Path backup, Path home) {
        if (!Files.isRegularFile(backup)) {
            throw new SuiteException("No backup file at " + backup);
        }
        if (EmbeddedDatabase.exists(home) || Files.exists(SecretStore.folder(home))
                || Files.exists(home.resolve(DataFolder.PGDATA))) {
            throw new SuiteException(home + " already holds a desk (its " + DataFolder.PGDATA + " or "
                    + DataFolder.SECRETS + "): restore into a new folder with --data-dir, or move that desk away "
                    + "first");
        }
        DataFolder.requireNotInUse(home);
        Path staging = home.resolve(UNPACKING);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new SuiteException("Could not restore into " + home + ": " + e.getMessage(), e);
        }
        // Held while the files arrive: an up or a seed started meanwhile on the folder is refused, not raced.
        try (DataFolder.Claim ignored = DataFolder.claim(home)) {
            return unpackInto(backup, home, staging);
        }
    }

    private static Restored unpackInto(Path backup, Path home, Path staging) {
        try {
            deleteTree(staging);
            // Closed to others before the first file arrives: the secrets pass through it.
            ownerOnlyFolder(staging);
            Unpacked unpacked = unpack(backup, staging);
            ownerOnly(staging);
            // The database last, so that a folder with a pgdata always has the secrets it opens with; should its move
            // fail, the secrets go too, or the next start would make an empty database with the restored passwords.
            Files.move(staging.resolve(DataFolder.SECRETS), SecretStore.folder(home));
            Path demoData = staging.resolve(DataFolder.DEMO_DATA);
            if (Files.exists(demoData)) {
                Files.move(demoData, home.resolve(DataFolder.DEMO_DATA));
            }
            try {
                Files.move(staging.resolve(DataFolder.PGDATA), home.resolve(DataFolder.PGDATA));
            } catch (IOException e) {
                deleteTree(SecretStore.folder(home));
                deleteTree(home.resolve(DataFolder.DEMO_DATA));
                throw e;
            }
            deleteTree(staging);
            return new Restored(home, unpacked.files(), unpacked.made());
        } catch (IOException e) {
            deleteTree(staging);
            throw new SuiteException("Could not restore into " + home + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private record Unpacked(int files, String made) {
    }

    private static Unpacked unpack(Path backup, Path staging) throws IOException {
        int files = 0;
        String manifest = null;
        boolean label = false;
        boolean version = false;
        boolean secrets = false;
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!BackupLayout.restorable(name)) {
                    throw notABackup(backup, "it names " + printable(name));
                }
                Path target = staging.resolve(name).normalize();
                if (!target.startsWith(staging)) {
                    throw notABackup(backup, "it names " + printable(name));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (name.equals(BackupLayout.MANIFEST)) {
                    manifest = new String(zip.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    continue;
                }
                Files.copy(zip, target);
                files++;
                label |= name.equals(BackupLayout.PGDATA + "backup_label");
                version |= name.equals(BackupLayout.PGDATA + "PG_VERSION");
                secrets |= name.startsWith(BackupLayout.SECRETS);
            }
        } catch (ZipException | java.nio.file.FileAlreadyExistsException e) {
            throw notABackup(backup, e.getMessage());
        }
        if (manifest == null || !manifest.startsWith(BackupLayout.FIRST_LINE) || !label || !version || !secrets) {
            throw notABackup(backup, "it lacks " + (manifest == null ? "its description" : !label ? "the backup label"
                    : !version ? "the database" : "the secrets"));
        }
        String made = manifest.lines().filter(l -> l.startsWith("made: ")).map(l -> l.substring(6)).findFirst()
                .orElse("at an unknown time");
        return new Unpacked(files, made);
    }

    private static SuiteException notABackup(Path backup, String why) {
        return new SuiteException(backup + " is not a Campus Helpdesk backup (" + why + "); nothing was restored");
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /**
     * PostgreSQL refuses to start on a data folder others may read, and the secrets are the desk's passwords: every
     * file and folder unpacked is its owner's alone, as PostgreSQL and the launcher make them.
     */
    private static void ownerOnly(Path staging) throws IOException {
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to narrow.
        }
    }

    private static void ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to narrow.
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // gone already
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // A staging folder left behind is removed by the next restore into this folder.
        }
    }
}
