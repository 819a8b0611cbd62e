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
final class ChunkOutputStream extends OutputStream implements PhotoMetadata.HeadPatch {

    /** Large enough that a 10 MB file is 40 rows, small enough to keep per-upload memory trivial. */
    static final int CHUNK = 256 * 1024;

    private final Connection connection;
    private final long attachmentId;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    private int seq;
    private long size;

    ChunkOutputStream(Connection connection, long attachmentId) {
        this.connection = connection;
        this.attachmentId = attachmentId;
    }

    @Override
    public void write(int b) throws IOException {
        buffer[filled++] = (byte) b;
        size++;
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
            size += n;
            at += n;
            left -= n;
            if (filled == CHUNK) {
                flushChunk();
            }
        }
    }

    /** The bytes written so far. */
    long size() {
        return size;
    }

    @Override
    public void patch(int offset, byte[] bytes) throws IOException {
        if (seq == 0) {
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE attachment_chunk SET bytes = "
                + "overlay(bytes PLACING ? FROM ? FOR ?) WHERE attachment_id = ? AND seq = 0")) {
            ps.setBytes(1, bytes);
            ps.setInt(2, offset + 1);
            ps.setInt(3, bytes.length);
            ps.setLong(4, attachmentId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException(e);
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
