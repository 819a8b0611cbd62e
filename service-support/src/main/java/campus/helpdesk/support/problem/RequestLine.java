package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.HttpVersion;

import java.util.Locale;

/**
 * The request line as HTTP/1.1 defines it, checked by {@link ControlCharacterFilter}. A method's name is
 * case-sensitive: the framework matched "get" to GET case-blind and served it, past anything that tells methods
 * apart by their exact name, as a proxy in front may. Only HTTP/1 is spoken on this connection: a request line ending
 * in "HTTP/9.9" or "HTTP/2.0" was served with HTTP/1.1's framing (and that version on its status line, which
 * {@code SpokenVersion} now rewrites). A query is split at '&' only.
 */
final class RequestLine {

    private RequestLine() {
    }

    /** A refusal to answer at once, or null when the request line is one HTTP/1.1 knows. */
    static @Nullable MutableHttpResponse<?> refusal(HttpRequest<?> request) {
        String method = request.getMethodName();
        String upper = method.toUpperCase(Locale.ROOT);
        if (!method.equals(upper)) {
            return BadInput.response(HttpStatus.BAD_REQUEST, "method", "method: a method's name is case-sensitive; "
                    + "send " + shortened(upper) + ", not " + shortened(method));
        }
        String query = request.getUri().getRawQuery();
        if (query != null && query.indexOf(';') >= 0) {
            // The framework splits a query at ';' as at '&': "days=1;2" was answered as days=1. A ';' of a value is
            // written %3B (as browsers and URL builders do); a bare one is refused rather than guessed at.
            return BadInput.response(HttpStatus.BAD_REQUEST, "query", "query: parameters are separated by '&'; "
                    + "a ';' inside a value must be written %3B");
        }
        if (request instanceof NettyHttpRequest<?> netty) {
            HttpVersion version = netty.getNativeRequest().protocolVersion();
            // HTTP/1.2 and the like are read as 1.1, as RFC 9112 asks; another major version is another protocol,
            // whose next bytes must not be read as a request: the connection closes after the refusal.
            if (version.majorVersion() != 1) {
                return BadInput.response(HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "version", "version: this server "
                        + "speaks HTTP/1.1 and HTTP/1.0, not " + shortened(version.text()))
                        .header(HttpHeaders.CONNECTION, "close");
            }
        }
        return null;
    }

    private static String shortened(String token) {
        return token.length() > 20 ? token.substring(0, 20) + "…" : token;
    }
}
