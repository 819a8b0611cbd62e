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

    /** The embedded PostgreSQL's own folder. */
    public static final String PGDATA = "pgdata";
    /** The passwords and the staff code ({@link campus.helpdesk.launcher.secrets.SecretStore}). */
    public static final String SECRETS = "secrets";
    /** What PostgreSQL writes to its standard output and error. */
    public static final String POSTGRES_LOG = "postgres.log";
    /** What the supervisor knows of each process, for the About page (written through a sibling .tmp). */
    public static final String STATUS_FILE = "status.json";
    /** The services' start-up caches. */
    public static final String JVM_ARCHIVES = "jvm-archives";
    /** Whether the desk's first start loaded demo tickets or was told not to: decided once per desk. */
    public static final String DEMO_DATA = "demo-data";
    /** Locked by the launcher that uses the folder, for as long as it does ({@link #claim}). */
    public static final String LAUNCHER_LOCK = "launcher.lock";
    /** The port PostgreSQL last listened on ({@link RunningDatabase#lastPort}). */
    static final String LAST_PG_PORT = "pg-port";

    /** Everything a desk writes in its data folder: named once, here, so that --fresh misses none of them. */
    static final List<String> OWN_ENTRIES = List.of(PGDATA, SECRETS, POSTGRES_LOG, STATUS_FILE, STATUS_FILE + ".tmp",
            JVM_ARCHIVES, DEMO_DATA, LAUNCHER_LOCK, LAST_PG_PORT);

    /** The file the embedded database's library locks while a launcher runs PostgreSQL on the folder. */
    private static final String LIBRARY_LOCK = "epg-lock";

    /**
     * The folders this JVM runs a database on. A file lock belongs to the whole process and closing any channel on
     * the file drops it, so the lock file is never probed for these: that would free it for another launcher.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The folders this JVM has claimed: their lock file is never opened a second time here, for the same reason. */
    private static final java.util.Set<Path> CLAIMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DataFolder() {
    }

    /**
     * Refuses a folder whose PostgreSQL a live launcher (a desk, or a seed that started the database itself)
     * holds. The library's own lock says so; it is released by the system when that launcher dies, however.
     */
    public static void requireNotInUse(Path home) {
        if (HELD_HERE.contains(home)) {
            throw inUse(home);
        }
        Path lock = lockFile(home);
        if (!Files.isRegularFile(lock)) {
            return;
        }
        // Read-only and shared: any exclusive lock on it shows, even on a folder this user may not write.
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.READ)) {
            FileLock held = channel.tryLock(0, Long.MAX_VALUE, true);
            if (held == null) {
                throw inUse(home);
            }
            held.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(home);
        } catch (IOException e) {
            throw new SuiteException("Cannot tell whether the data folder " + home + " is in use (" + e.getMessage()
                    + "): check its permissions");
        }
    }

    /**
     * Takes the folder for this launcher until the claim is closed or the process ends, however it ends: the system
     * drops the lock of a process that died. Taken before anything on the folder is stopped, wiped or started, so
     * two launchers started at the same moment cannot both pass {@link #requireNotInUse} (which sees only a
     * PostgreSQL already running) and then wipe or start one folder twice.
     */
    public static Claim claim(Path home) {
        Path folder;
        try {
            // The real path: the same folder through a link must meet the same claim, or this JVM would open the
            // lock file a second time and, closing that channel, drop its own lock.
            folder = Files.createDirectories(home.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw cannotUse(home, e);
        }
        if (!CLAIMED.add(folder)) {
            throw inUse(home);
        }
        try {
            FileChannel channel = FileChannel.open(folder.resolve(LAUNCHER_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                // Not a verdict on whether another launcher runs (a file system without locks, say): said as it is.
                channel.close();
                throw new SuiteException("Cannot lock " + folder.resolve(LAUNCHER_LOCK) + " (" + e.getMessage()
                        + "): the data folder must be on a file system that supports file locks");
            }
            if (lock == null) {
                channel.close();
                throw inUse(home);
            }
            return new Claim(folder, channel);
        } catch (IOException e) {
            CLAIMED.remove(folder);
            throw cannotUse(home, e);
        } catch (RuntimeException e) {
            CLAIMED.remove(folder);
            throw e;
        }
    }

    /**
     * A launcher's hold on its data folder ({@link #claim}); closing it lets the next launcher in. Keep it reachable
     * for as long as the folder is used: a collected channel is closed, and its lock goes with it.
     */
    public static final class Claim implements AutoCloseable {

        private final Path folder;
        private final FileChannel channel;

        private Claim(Path folder, FileChannel channel) {
            this.folder = folder;
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the process at the latest
            } finally {
                CLAIMED.remove(folder);
            }
        }
    }

    /** Marks {@code home} as run by this JVM, from before its database starts until after it stopped. */
    static void heldHere(Path home, boolean held) {
        if (held) {
            HELD_HERE.add(home);
        } else {
            HELD_HERE.remove(home);
        }
    }

    private static SuiteException cannotUse(Path home, IOException e) {
        return new SuiteException("Cannot use the data folder " + home + " (" + e.getMessage()
                + "): check that it is a folder this user may write");
    }

    static SuiteException inUse(Path home) {
        return new SuiteException("The data folder " + home + " is in use by another ./helpdesk that is running: "
                + "stop it first (./helpdesk stop stops a desk; --data-dir as given to it), or give another "
                + "--data-dir.");
    }

    static Path lockFile(Path home) {
        return home.resolve(PGDATA).resolve(LIBRARY_LOCK);
    }

    /**
     * Removes the helpdesk's entries of {@code home} (database, secrets, logs, caches); true if there were any. Only
     * a folder that holds a helpdesk database, or nothing but the helpdesk's entries: {@code secrets/} in some other
     * project is not ours to delete.
     */
    public static boolean wipe(Path home) {
        if (!Files.isRegularFile(home.resolve(PGDATA).resolve("PG_VERSION")) && !onlyOwnEntries(home)) {
            throw new SuiteException("--fresh leaves " + home + " alone: it holds no helpdesk database, and things "
                    + "that are not the helpdesk's");
        }
        boolean any = false;
        for (String entry : OWN_ENTRIES) {
            if (entry.equals(LAUNCHER_LOCK)) {
                // The wiping launcher holds it: a deleted lock file would let the next launcher lock a new one.
                continue;
            }
            Path path = home.resolve(entry);
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(path);
                any = true;
            }
        }
        return any;
    }

    private static boolean onlyOwnEntries(Path home) {
        if (!Files.isDirectory(home)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(home)) {
            return entries.allMatch(p -> OWN_ENTRIES.contains(p.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
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
