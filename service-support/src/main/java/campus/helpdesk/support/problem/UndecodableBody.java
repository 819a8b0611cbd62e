package campus.helpdesk.support.problem;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * A body sent with {@code Content-Encoding: gzip} or {@code deflate} in which the server's decompressor found no such
 * stream: the client's mistake, said as one 400 wherever it is found (a service reading a body, the gateway
 * streaming an upload on).
 */
public final class UndecodableBody {

    private UndecodableBody() {
    }

    /** Whether {@code failure} or a cause is the decompressor's. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Named, not imported: Netty's compression codec is the HTTP server's dependency, not this module's.
            if (t.getClass().getName().equals("io.netty.handler.codec.compression.DecompressionException")) {
                return true;
            }
        }
        return false;
    }

    public static MutableHttpResponse<?> refusal() {
        return BadInput.response(HttpStatus.BAD_REQUEST, "Content-Encoding",
                "Content-Encoding: the body is not in the encoding this header names, so it "
                        + "cannot be read; nothing was changed. Send the body as it is, without the header.");
    }
}
