package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.ProxyHeaderParser;

/**
 * The proxy headers, checked by {@link ControlCharacterFilter}: read here the way the framework reads them when it
 * works out a request's host (checking an Origin, or a token's audience), so that a value it cannot read is a 400
 * naming the header rather than an exception inside it. {@code Forwarded: host="}, {@code host=a:b:c}, a port past an
 * int, or {@code X-Forwarded-Host: desk:} was a 500 on every route of every service, for anyone, signed in or not.
 * The desk itself reads no proxy header; what proxies send parses. One value RFC 7239 allows that the framework cannot
 * read, a host that is an IPv6 address ({@code host="[::1]:8080"}), is refused too: it was a 500 as well.
 */
final class ForwardedHeaders {

    private static final String FORWARDED = "Forwarded";
    /** The framework reads Forwarded alone when it is there, else these (the others it reads cannot fail). */
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private ForwardedHeaders() {
    }

    /** A 400 to answer at once, or null when there is no such header or the framework reads it. */
    static @Nullable MutableHttpResponse<?> refusal(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        String header = headers.contains(FORWARDED) ? FORWARDED
                : headers.contains(X_FORWARDED_HOST) ? X_FORWARDED_HOST : null;
        if (header == null) {
            return null;
        }
        try {
            new ProxyHeaderParser(request);
            return null;
        } catch (RuntimeException e) {
            return BadInput.response(HttpStatus.BAD_REQUEST, header, header + ": " + (header.equals(FORWARDED)
                    ? "is not a list of for=, by=, proto= and host= pairs this server reads (RFC 7239), with a host "
                    + "name and at most one :port" : "is not a host name with at most one :port"));
        }
    }
}
