package campus.helpdesk.ticket.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An upload's bytes, already without their metadata, on local disk while they arrive: the database is asked for a
 * connection only once the last byte is in, so a file that arrives slowly, or stops arriving, holds a temporary file
 * and a thread, never one of the pool's connections. The file leaves its directory as soon as it is open (the open
 * channel keeps it on POSIX systems), so a process that dies mid-upload leaves nothing in the temporary directory;
 * elsewhere it goes when the spool is closed.
 */
final class Spool extends OutputStream implements PhotoMetadata.HeadPatch {

    private static final int BUFFER = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private long size;

    private Spool(FileChannel channel) {
        this.channel = channel;
    }

    /** A new, empty spool in the JVM's temporary directory, readable by this process's user only. */
    static Spool create() throws IOException {
        Path file = Files.createTempFile("helpdesk-upload-", ".part");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A file system that keeps an open file's name (Windows): DELETE_ON_CLOSE removes it at close instead.
        }
        return new Spool(channel);
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.put((byte) b);
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int at = offset;
        int left = length;
        while (left > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(left, buffer.remaining());
            buffer.put(bytes, at, n);
            size += n;
            at += n;
            left -= n;
        }
    }

    /** Overwrites bytes already written (a length that a stripper knows only at the end). */
    @Override
    public void patch(int offset, byte[] bytes) throws IOException {
        flush();
        ByteBuffer patch = ByteBuffer.wrap(bytes);
        long at = offset;
        while (patch.hasRemaining()) {
            at += channel.write(patch, at);
        }
    }

    @Override
    public void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** The bytes written so far. */
    long size() {
        return size;
    }

    /** Everything written, from its first byte; each call reads from the start again. */
    InputStream contents() throws IOException {
        flush();
        return new InputStream() {
            private long at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                int n = channel.read(ByteBuffer.wrap(bytes, offset, length), at);
                if (n > 0) {
                    at += n;
                }
                return n;
            }
        };
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
