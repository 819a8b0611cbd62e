package campus.helpdesk.launcher.backup;

import campus.helpdesk.launcher.postgres.DataFolder;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a backup file holds, and what of a data folder stays out of it. The file is a zip: {@code pgdata/} (the
 * database's files as PostgreSQL's low-level backup copies them, its {@code backup_label} and the WAL from the
 * backup's start to its end), {@code secrets/} (the passwords the database's roles sign in with, so the copy opens
 * with the keys it was made with), the desk's demo-data choice, and {@link #MANIFEST}.
 */
final class BackupLayout {

    /** Says what made the file and when; a zip without it is not a helpdesk backup. */
    static final String MANIFEST = "helpdesk-backup.txt";
    static final String FIRST_LINE = "Campus Helpdesk backup 1";

    static final String PGDATA = DataFolder.PGDATA + "/";
    static final String SECRETS = DataFolder.SECRETS + "/";
    static final String WAL = PGDATA + "pg_wal/";

    /**
     * Folders whose contents a running server makes again and a copy must leave out (PostgreSQL's documentation,
     * "Making a Base Backup Using the Low Level API"); the folders themselves are kept, empty. The WAL is added
     * separately: only the segments the backup needs.
     */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    /** Files of the running server (and the embedded library's lock) that describe this run, not the data. */
    private static final Set<String> RUN_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "epg-lock", "current_logfiles");

    private BackupLayout() {
    }

    /** Whether a file or folder of pgdata, named relative to it, goes into the backup. */
    static boolean copied(Path relative) {
        String first = relative.getName(0).toString();
        if (relative.getNameCount() == 1 && RUN_FILES.contains(first)) {
            return false;
        }
        if (relative.getNameCount() > 1 && EMPTIED.contains(first)) {
            return false;
        }
        for (Path part : relative) {
            // Temporary files, and the folders of them (pgsql_tmp, its *.fileset), anywhere below.
            if (part.toString().startsWith("pgsql_tmp")) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        return !name.equals("pg_internal.init") && !name.equals("backup_manifest")
                && !name.equals("postgresql.auto.conf.tmp");
    }

    /**
     * Whether a name read from a backup file may be written into a data folder: under pgdata or secrets, or one of
     * the desk's own files, never absolute or climbing out with {@code ..}.
     */
    static boolean restorable(String entry) {
        if (entry.isEmpty() || entry.startsWith("/") || entry.contains("\\") || entry.contains("\0")) {
            return false;
        }
        for (String part : entry.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return entry.startsWith(PGDATA) || entry.startsWith(SECRETS) || entry.equals(DataFolder.DEMO_DATA)
                || entry.equals(MANIFEST);
    }
}
