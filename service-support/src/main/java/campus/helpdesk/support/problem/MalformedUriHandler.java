package campus.helpdesk.support.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.URISyntaxHandler;
import jakarta.inject.Singleton;

import java.net.URISyntaxException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A request target that is not a URI at all ({@code ?hours=%ZZ}, a bare {@code %}): Micronaut refuses it before
 * any filter sees it, with a bare "Malformed URI". Answered like any bad input instead, naming the query parameter
 * (or the path) where the parser stopped, as {@link ControlCharacterFilter} does for the same mistakes it catches.
 */
@Singleton
@Produces(ProblemDocument.PROBLEM_JSON)
@Replaces(URISyntaxHandler.class)
public class MalformedUriHandler implements ExceptionHandler<URISyntaxException, HttpResponse<?>> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,60}");

    @Override
    public HttpResponse<?> handle(HttpRequest request, URISyntaxException exception) {
        String input = offendingInput(exception.getInput(), exception.getIndex());
        String where = input.equals("path") ? "the path" : "the query string";
        MutableHttpResponse<?> response = BadInput.response(HttpStatus.BAD_REQUEST, input,
                input + ": " + fault(exception.getInput(), exception.getIndex(), where));
        return request.getMethod() == HttpMethod.HEAD ? response.body(null) : response;
    }

    /**
     * What is wrong at {@code index}: a broken escape, or a character that must be escaped. Browsers and curl send
     * {@code | ^ { } [ ] \} and a backquote raw in a query (the URL standard leaves them), and "not valid
     * percent-encoding" sent the reader looking at escapes that were not there.
     */
    static String fault(String target, int index, String where) {
        char c = target != null && index >= 0 && index < target.length() ? target.charAt(index) : '%';
        if (c == '%' || c < 0x21 || c >= 0x7F) {
            return where + " is not valid percent-encoding";
        }
        return where + " holds '" + c + "', which must be percent-encoded (as %" + HexFormat.of().withUpperCase()
                .toHexDigits((byte) c) + ")";
    }

    /** "path", the query parameter whose value holds position {@code index}, or "query". */
    static String offendingInput(String target, int index) {
        int query = target == null ? -1 : target.indexOf('?');
        if (query < 0 || (index >= 0 && index < query)) {
            return "path";
        }
        if (index < 0) {
            return "query";
        }
        int start = Math.max(target.lastIndexOf('&', index), query) + 1;
        int equals = target.indexOf('=', start);
        if (equals < 0 || equals >= index) {
            return "query";
        }
        String name = target.substring(start, equals);
        return NAME.matcher(name).matches() ? name : "query";
    }
}
