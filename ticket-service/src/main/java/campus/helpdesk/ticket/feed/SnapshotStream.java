package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.FactsSnapshot;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.db.Sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The facts of every live ticket in the {@link FactsSnapshot} format, produced row by row from a server-side cursor
 * while the client reads, so a million tickets never sit in memory at once. Everything is read in ONE REPEATABLE
 * READ transaction whose first statement fixes the cursor: the greatest feed position it sees. Positions are
 * given in increasing order by transactions that hold the feed's lock until they commit (the sequencer's sweeps,
 * a bulk load's batches: {@link campus.helpdesk.lifecycle.FeedPositions}), so every event up to it is in the
 * snapshot, and every event not in it gets a greater position; events stamped later may repeat some facts, which
 * consumers apply by version.
 *
 * <p>The SQL is written by hand on a borrowed connection because a repository's results live within one call's
 * connection scope, while this stream's transaction (its isolation, its first statement, its server-side cursor)
 * lasts as long as the client reads.
 */
final class SnapshotStream extends InputStream {

    private static final int LINES_PER_CHUNK = 2_000;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final StringBuilder text = new StringBuilder(LINES_PER_CHUNK * 48);
    private byte[] chunk;
    private int position;
    private boolean exhausted;
    private boolean closed;

    SnapshotStream(Connection connection) throws SQLException {
        this.connection = connection;
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            chunk = FactsSnapshot.cursorLine(cursor(connection)).getBytes(StandardCharsets.US_ASCII);
            statement = connection.prepareStatement("""
                    SELECT id, category, status, priority, opened_at, closed_at, first_response_at, version,
                           assignee, first_response_due_at, resolution_due_at, incident_id
                    FROM tickets WHERE deleted_at IS NULL ORDER BY id""");
            statement.setFetchSize(5_000);
            rows = statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.close();
            throw e;
        }
    }

    private static String cursor(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(max(position), 0) FROM ticket_event")) {
            rs.next();
            return new FeedCursor(rs.getLong(1)).toString();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position >= chunk.length) {
            if (exhausted || !fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        text.setLength(0);
        try {
            for (int i = 0; i < LINES_PER_CHUNK && rows.next(); i++) {
                FactsSnapshot.appendLine(text, new TicketFacts(rows.getLong(1),
                        Category.valueOf(rows.getString(2)), TicketStatus.valueOf(rows.getString(3)),
                        Priority.valueOf(rows.getString(4)), Sql.instant(rows, "opened_at"),
                        Sql.instant(rows, "closed_at"), Sql.instant(rows, "first_response_at"), rows.getLong(8),
                        rows.getString(9), Sql.instant(rows, "first_response_due_at"),
                        Sql.instant(rows, "resolution_due_at"), rows.getObject("incident_id", Long.class)));
            }
        } catch (SQLException e) {
            throw new IOException("Reading the snapshot failed", e);
        }
        if (text.isEmpty()) {
            exhausted = true;
            return false;
        }
        chunk = text.toString().getBytes(StandardCharsets.US_ASCII);
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (connection) {
            rows.close();
            statement.close();
            connection.commit();
        } catch (SQLException e) {
            throw new IOException("Closing the snapshot failed", e);
        }
    }
}
