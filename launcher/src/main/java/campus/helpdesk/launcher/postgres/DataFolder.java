package campus.helpdesk.launcher.postgres;

import campus.helpdesk.launcher.SuiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded desk's data folder ({@code --data-dir}): which entries in it are the helpdesk's, and whether a desk
 * is using it. {@code --data-dir} may name any folder, the project itself included, so a wipe removes the
 * helpdesk's own entries and nothing else; and a folder a running desk uses is never wiped or started twice (two
 * launchers on one folder used to break the first desk's PostgreSQL and its passwords).
 */
public final class DataFolder {

    /** Everything a desk writes in its data folder. */
    static final List<String> OWN_ENTRIES = List.of("pgdata", "secrets", "postgres.log", "status.json",
            "status.json.tmp", "jvm-archives");

    /** The file the embedded database's library locks while a launcher runs PostgreSQL on the folder. */
    private static final String LIBRARY_LOCK = "epg-lock";

    private DataFolder() {
    }

    /**
     * Refuses a folder whose PostgreSQL a live launcher (a desk, or a seed that started the database itself)
     * holds. The library's own lock says so; it is released by the system when that launcher dies, however.
     */
    public static void requireNotInUse(Path home) {
        Path lock = lockFile(home);
        if (!Files.isRegularFile(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                throw inUse(home);
            }
            held.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(home); // this very JVM runs a database on it
        } catch (IOException e) {
            // Unreadable: starting the database will say what is wrong with the folder.
        }
    }

    static SuiteException inUse(Path home) {
        return new SuiteException("The data folder " + home + " is in use by a desk that is running. Stop that "
                + "desk first, or give another --data-dir.");
    }

    static Path lockFile(Path home) {
        return home.resolve("pgdata").resolve(LIBRARY_LOCK);
    }

    /** Removes the helpdesk's entries of {@code home} (database, secrets, logs, caches); true if there were any. */
    public static boolean wipe(Path home) {
        boolean any = false;
        for (String entry : OWN_ENTRIES) {
            Path path = home.resolve(entry);
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(path);
                any = true;
            }
        }
        return any;
    }

    private static void deleteRecursively(Path path) {
        // Files.walk does not follow links: a link inside the folder is removed, never what it points to.
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot wipe " + path, e);
        }
    }
}
