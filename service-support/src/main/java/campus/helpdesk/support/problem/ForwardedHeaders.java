package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.ProxyHeaderParser;

/**
 * The {@code Forwarded} header, checked by {@link ControlCharacterFilter}: read here the way the framework reads it
 * when it checks a request's Origin (its CORS filter), so that a value it cannot read is a 400 naming the header
 * rather than an exception inside it. {@code host="}, {@code for="}, {@code host=a:b:c} or a port past an int was a
 * 500 on every route of every service, for anyone, signed in or not. The desk itself reads no proxy header; a proxy
 * in front sends values that parse (the X-Forwarded ones always do). One the framework cannot read although RFC 7239
 * allows it, a host that is an IPv6 address ({@code host="[::1]:8080"}), is refused too: it was a 500 as well.
 */
final class ForwardedHeaders {

    private static final String FORWARDED = "Forwarded";

    private ForwardedHeaders() {
    }

    /** A 400 to answer at once, or null when there is no Forwarded header or the framework reads it. */
    static @Nullable MutableHttpResponse<?> refusal(HttpRequest<?> request) {
        if (!request.getHeaders().contains(FORWARDED)) {
            return null;
        }
        try {
            new ProxyHeaderParser(request);
            return null;
        } catch (RuntimeException e) {
            return BadInput.response(HttpStatus.BAD_REQUEST, FORWARDED, FORWARDED + ": is not a list of for=, by=, "
                    + "proto= and host= pairs this server reads (RFC 7239), with a host name and at most one :port");
        }
    }
}
