package campus.helpdesk.support.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request whose head the server could not read: a header holding a control character, headers or a request line
 * over the server's limits. Netty refuses it before any filter sees it, and the framework answered a bare "Bad
 * Request" (or a 413, as if the body were too large). The answer says which part of the request was wrong, with
 * the status HTTP has for it; which header it was, the decoder does not tell.
 */
final class MalformedHead {

    private static final Pattern LIMIT = Pattern.compile("(\\d+) bytes");

    private MalformedHead() {
    }

    /** The answer for {@code request} if its head could not be decoded. */
    static Optional<Problem> of(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return Optional.empty();
        }
        DecoderResult result = netty.getNativeRequest().decoderResult();
        if (!result.isFailure()) {
            return Optional.empty();
        }
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpHeaderException) {
            return Optional.of(new Problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers",
                    "headers: the request's headers are too large" + limit(cause)));
        }
        if (cause instanceof TooLongHttpLineException) {
            return Optional.of(new Problem(HttpStatus.REQUEST_URI_TOO_LONG, "path",
                    "path: the request line (method, path and query) is too long" + limit(cause)));
        }
        return Optional.of(new Problem(HttpStatus.BAD_REQUEST, "headers",
                "headers: a header is malformed or holds a character no header may hold, such as a control "
                        + "character or NUL"));
    }

    private static String limit(Throwable cause) {
        Matcher bytes = LIMIT.matcher(String.valueOf(cause.getMessage()));
        return bytes.find() ? " (at most " + bytes.group(1) + " bytes)" : "";
    }

    record Problem(HttpStatus status, String field, String detail) {

        Map<String, Object> document() {
            return ProblemDocument.of(status, status.getReason(), detail, BadInput.naming(field));
        }
    }
}
