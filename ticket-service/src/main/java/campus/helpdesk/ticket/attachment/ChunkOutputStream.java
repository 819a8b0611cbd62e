package campus.helpdesk.ticket.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes an attachment's bytes as rows of {@link #CHUNK} bytes on the upload's transaction: at most one chunk is in
 * memory, and a refused or failed upload leaves no row behind (the transaction rolls back).
 */
final class ChunkOutputStream extends OutputStream {

    /** Large enough that a 10 MB file is 40 rows, small enough to keep per-upload memory trivial. */
    static final int CHUNK = 256 * 1024;

    private final Connection connection;
    private final long attachmentId;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    private int seq;

    ChunkOutputStream(Connection connection, long attachmentId) {
        this.connection = connection;
        this.attachmentId = attachmentId;
    }

    @Override
    public void write(int b) throws IOException {
        buffer[filled++] = (byte) b;
        if (filled == CHUNK) {
            flushChunk();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int at = offset;
        int left = length;
        while (left > 0) {
            int n = Math.min(left, CHUNK - filled);
            System.arraycopy(bytes, at, buffer, filled, n);
            filled += n;
            at += n;
            left -= n;
            if (filled == CHUNK) {
                flushChunk();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (filled > 0 || seq == 0) {
            flushChunk();
        }
    }

    private void flushChunk() throws IOException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO attachment_chunk (attachment_id, seq, bytes) VALUES (?, ?, ?)")) {
            ps.setLong(1, attachmentId);
            ps.setInt(2, seq);
            ps.setBinaryStream(3, new java.io.ByteArrayInputStream(buffer, 0, filled), filled);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        seq++;
        filled = 0;
    }
}
