package campus.helpdesk.ticket.attachment;

import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.io.InputStream;

/**
 * An attachment's bytes read back one chunk at a time, each fetched only when the previous one is used up: a
 * download holds one chunk in memory and no connection between chunks (chunks never change once committed).
 */
final class ChunkInputStream extends InputStream {

    /** The chunk {@code seq} of the attachment, or null past the last one. */
    interface Source {
        byte @Nullable [] chunk(int seq) throws IOException;
    }

    private final Source source;
    private byte[] current = new byte[0];
    private int position;
    private int nextSeq;
    private boolean ended;

    ChunkInputStream(Source source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, bytes, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position == current.length) {
            if (ended) {
                return false;
            }
            byte[] next = source.chunk(nextSeq++);
            if (next == null) {
                ended = true;
                return false;
            }
            current = next;
            position = 0;
        }
        return true;
    }
}
