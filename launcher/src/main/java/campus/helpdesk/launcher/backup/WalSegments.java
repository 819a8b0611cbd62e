package campus.helpdesk.launcher.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The names of the WAL segment files a backup needs: from the one holding its start to the one holding its end. */
final class WalSegments {

    private WalSegments() {
    }

    static List<String> between(Connection c, String startLsn, String stopLsn) throws SQLException {
        long segmentSize;
        int timeline;
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT setting::bigint FROM pg_settings "
                + "WHERE name = 'wal_segment_size'), pg_walfile_name(?::pg_lsn)")) {
            s.setString(1, startLsn);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                segmentSize = r.getLong(1);
                timeline = Integer.parseUnsignedInt(r.getString(2).substring(0, 8), 16);
            }
        }
        return names(timeline, segmentSize, lsn(startLsn), lsn(stopLsn));
    }

    /**
     * Segment file names as PostgreSQL forms them. The end position is where the backup's last record ends, so a
     * stop exactly on a segment's boundary needs the segment before it, not the empty one that starts there.
     */
    static List<String> names(int timeline, long segmentSize, long start, long stop) {
        long perId = 0x1_0000_0000L / segmentSize;
        long first = start / segmentSize;
        long last = (stop - 1) / segmentSize;
        List<String> names = new ArrayList<>();
        for (long segment = first; segment <= last; segment++) {
            names.add(String.format("%08X%08X%08X", timeline, segment / perId, segment % perId));
        }
        return names;
    }

    /** A WAL position written as PostgreSQL prints it ({@code 16/B374D848}) as one number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32)
                | Long.parseUnsignedLong(text.substring(slash + 1), 16);
    }
}
