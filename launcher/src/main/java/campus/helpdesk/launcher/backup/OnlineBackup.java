package campus.helpdesk.launcher.backup;

import campus.helpdesk.launcher.SuiteException;
import campus.helpdesk.launcher.postgres.DataFolder;
import campus.helpdesk.launcher.secrets.SecretStore;

import java.io.IOException;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A backup of a running embedded desk, without stopping it: PostgreSQL's low-level backup API (what
 * {@code pg_basebackup -X fetch} does, whose binary the embedded distribution lacks), copied by the launcher, which
 * runs on the same machine as the data folder.
 *
 * <p>Between {@code pg_backup_start} and {@code pg_backup_stop} the files are copied while PostgreSQL writes them;
 * the copy is made whole on restore by replaying the WAL of that interval, which the file therefore carries. A
 * temporary replication slot, taken before the start, keeps those WAL segments from being recycled by a checkpoint
 * in the meantime; it disappears with the session, so a backup that fails leaves nothing behind in the server.
 */
public final class OnlineBackup {

    private static final String SUPERUSER = "postgres";

    private final Path home;
    private final int port;

    public OnlineBackup(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** What a finished backup holds, for the command to report. */
    public record Made(Path file, long bytes, int files, int walSegments) {
    }

    /**
     * Writes the backup to {@code target}, which must not exist yet: first to a sibling {@code .partial} file,
     * moved into place once complete, so a backup that fails half way never looks like a finished one.
     */
    public Made writeTo(Path target) {
        if (Files.exists(target)) {
            throw new SuiteException(target + " already exists: name a new file (a backup never overwrites one)");
        }
        Path data = home.resolve(DataFolder.PGDATA);
        Path normal = target.toAbsolutePath().normalize();
        if (normal.startsWith(data) || normal.startsWith(SecretStore.folder(home))) {
            throw new SuiteException("A backup cannot be written inside what it copies (" + data + ", "
                    + SecretStore.folder(home) + ")");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        FileOutputStream out = ownerOnly(partial);
        try (Connection c = connect()) {
            requireSameFolder(c, data);
            Made made;
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                // Table files compress well even at the fastest level; a desk's backup is CPU-bound otherwise.
                zip.setLevel(Deflater.BEST_SPEED);
                made = copy(c, data, zip, target);
                zip.finish();
                // "Backup written" must survive a power cut a moment later, as pg_basebackup's does.
                out.getChannel().force(true);
            }
            publish(partial, target);
            return new Made(target, Files.size(target), made.files(), made.walSegments());
        } catch (SQLException e) {
            closeQuietly(out);
            deleteQuietly(partial);
            throw new SuiteException("The backup failed in PostgreSQL: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(out);
            deleteQuietly(partial);
            throw new SuiteException("The backup could not be written to " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(out);
            deleteQuietly(partial);
            throw e;
        }
    }

    /**
     * Gives the finished file its name, never over a file that appeared there meanwhile (a hard link fails where a
     * rename would replace), and makes the name durable with its folder.
     */
    private static void publish(Path partial, Path target) throws IOException {
        try {
            Files.createLink(target, partial);
            Files.delete(partial);
        } catch (FileAlreadyExistsException e) {
            throw new SuiteException(target + " appeared while the backup ran, and a backup never overwrites a file: "
                    + "run it again with another name");
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        try (java.nio.channels.FileChannel folder = java.nio.channels.FileChannel.open(target.toAbsolutePath()
                .getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // A file system that cannot sync a folder: the file itself is on disk.
        }
    }

    /**
     * The server on the port must be the one whose files are copied: a stale --pg-port or a copied data folder
     * (same passwords) would pair one cluster's backup label with another's files.
     */
    private static void requireSameFolder(Connection c, Path data) throws SQLException, IOException {
        String served;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW data_directory")) {
            r.next();
            served = r.getString(1);
        }
        if (!Path.of(served).toRealPath().equals(data.toRealPath())) {
            throw new SuiteException("The PostgreSQL on this port serves " + served + ", not " + data
                    + ": give the --pg-port of the desk on this --data-dir");
        }
    }

    private Made copy(Connection c, Path data, ZipOutputStream zip, Path target) throws SQLException, IOException {
        if (hasTablespaces(data)) {
            // Their files lie outside the data folder, behind links this copy does not follow.
            throw new SuiteException("This database has tablespaces outside its folder, which a backup does not "
                    + "copy; back it up with PostgreSQL's own tools");
        }
        String slot = "helpdesk_backup_" + randomBytes(6);
        try (PreparedStatement reserve = c.prepareStatement(
                "SELECT pg_create_physical_replication_slot(?, true, true)")) {
            reserve.setString(1, slot);
            reserve.execute();
        }
        String startLsn;
        try (PreparedStatement start = c.prepareStatement("SELECT pg_backup_start(?, true)")) {
            // fast: an immediate checkpoint, so the copy starts now instead of at the next scheduled one
            start.setString(1, "helpdesk backup " + Instant.now());
            try (ResultSet r = start.executeQuery()) {
                r.next();
                startLsn = r.getString(1);
            }
        }
        int files = copyFiles(data, zip);
        String stopLsn;
        String label;
        try (Statement s = c.createStatement();
             ResultSet stop = s.executeQuery("SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
            stop.next();
            stopLsn = stop.getString(1);
            label = stop.getString(2);
            if (stop.getString(3) != null && !stop.getString(3).isBlank()) {
                throw new SuiteException("A tablespace was made while the backup ran; back it up again");
            }
        }
        put(zip, BackupLayout.PGDATA + "backup_label", label.getBytes(StandardCharsets.UTF_8));
        List<String> segments = WalSegments.between(c, startLsn, stopLsn);
        for (String segment : segments) {
            // The slot holds these back from recycling; a missing one means this backup could not be restored.
            Path file = data.resolve("pg_wal").resolve(segment);
            if (!Files.isRegularFile(file)) {
                throw new SuiteException("WAL segment " + segment + " is gone before it was copied; try again");
            }
            zip.putNextEntry(new ZipEntry(BackupLayout.WAL + segment));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        try (Stream<Path> wal = Files.list(data.resolve("pg_wal"))) {
            // A desk restored once runs on a later timeline, whose history recovery reads.
            for (Path history : wal.filter(p -> p.getFileName().toString().endsWith(".history")).toList()) {
                put(zip, BackupLayout.WAL + history.getFileName(), Files.readAllBytes(history));
            }
        }
        copySecrets(zip);
        Path demoData = home.resolve(DataFolder.DEMO_DATA);
        if (Files.isRegularFile(demoData)) {
            put(zip, DataFolder.DEMO_DATA, Files.readAllBytes(demoData));
        }
        put(zip, BackupLayout.MANIFEST, (BackupLayout.FIRST_LINE + "\n"
                + "made: " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\n"
                + "from: " + home + "\n"
                + "wal: " + startLsn + " to " + stopLsn + " (" + segments.size() + " segments)\n")
                .getBytes(StandardCharsets.UTF_8));
        return new Made(target, 0, files, segments.size());
    }

    /** Every file of pgdata the backup keeps; files that PostgreSQL removes while they are copied are skipped. */
    private static int copyFiles(Path data, ZipOutputStream zip) throws IOException {
        int copied = 0;
        List<Path> entries = new ArrayList<>();
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                if (!folder.equals(data)) {
                    entries.add(folder);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                entries.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // Removed by PostgreSQL between the folder's listing and its visit: nothing to copy.
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        entries.removeIf(p -> !BackupLayout.copied(data.relativize(p)));
        for (Path path : entries) {
            String name = BackupLayout.PGDATA + data.relativize(path).toString().replace('\\', '/');
            try {
                if (Files.isDirectory(path)) {
                    zip.putNextEntry(new ZipEntry(name + "/"));
                    zip.closeEntry();
                } else if (Files.isRegularFile(path)) {
                    // Opened before its entry is begun, so a file removed meanwhile leaves no empty entry behind.
                    try (InputStream in = Files.newInputStream(path)) {
                        zip.putNextEntry(new ZipEntry(name));
                        in.transferTo(zip);
                        zip.closeEntry();
                    }
                    copied++;
                }
            } catch (NoSuchFileException e) {
                // A table dropped or a temporary file removed during the copy: the WAL replay knows it is gone.
            }
        }
        return copied;
    }

    private void copySecrets(ZipOutputStream zip) throws IOException {
        Path secrets = SecretStore.folder(home);
        try (Stream<Path> files = Files.list(secrets)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                put(zip, BackupLayout.SECRETS + file.getFileName(), Files.readAllBytes(file));
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private Connection connect() {
        String password = SecretStore.existing(home).flatMap(s -> s.read(SecretStore.POSTGRES_PASSWORD))
                .orElseThrow(() -> new SuiteException("No database password in " + SecretStore.folder(home)
                        + ": is this a desk's data folder (--data-dir)?"));
        try {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER,
                    password);
        } catch (SQLException e) {
            throw new SuiteException("Cannot reach the desk's PostgreSQL on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "): start ./helpdesk up first (with the same --pg-port and --data-dir)", e);
        }
    }

    private static boolean hasTablespaces(Path data) throws IOException {
        Path tablespaces = data.resolve("pg_tblspc");
        if (!Files.isDirectory(tablespaces)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(tablespaces)) {
            return entries.findAny().isPresent();
        }
    }

    private static String randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // The partial file is removed next either way.
        }
    }

    /** The file holds every password of the desk: only its owner may read it, from its first byte on. */
    private static FileOutputStream ownerOnly(Path file) {
        try {
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            return new FileOutputStream(file.toFile());
        } catch (FileAlreadyExistsException e) {
            throw new SuiteException(file + " exists: a backup to the same file runs, or one was interrupted; "
                    + "remove it if none runs");
        } catch (IOException e) {
            throw new SuiteException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // What is left is named .partial, never taken for a backup.
        }
    }
}
