package campus.helpdesk.ticket.attachment;

import campus.helpdesk.support.problem.BadInput;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * Ends an upload's stream with a 400 when the form stopped before the file part's closing boundary: a client that
 * lost its connection, or sent a Content-Length short of its file. The framework's stream simply ends there, and half
 * a file would be stored as if it were the whole; thrown while the transaction reads it, so nothing is kept.
 */
final class WholePart extends FilterInputStream {

    private final BooleanSupplier complete;

    WholePart(InputStream in, BooleanSupplier complete) {
        super(in);
        this.complete = complete;
    }

    @Override
    public int read() throws IOException {
        return checked(super.read());
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        return length == 0 ? 0 : checked(super.read(bytes, offset, length));
    }

    private int checked(int read) {
        if (read < 0 && !complete.getAsBoolean()) {
            throw BadInput.problemWithDetail("file", "The upload ended before the end of the file (the form's "
                    + "closing boundary never came): nothing was stored, send the file again.");
        }
        return read;
    }
}
