package campus.helpdesk.ticket.attachment;

import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts an upload as it is read and stops it with 413 one byte past the limit; the transaction then rolls back. */
final class SizeLimit extends FilterInputStream {

    private final long limit;
    private long read;

    SizeLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = super.read(bytes, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "A file may have at most " + limit / (1024 * 1024) + " MB");
        }
    }
}
