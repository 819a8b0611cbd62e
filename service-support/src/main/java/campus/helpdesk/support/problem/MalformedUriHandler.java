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
        MutableHttpResponse<?> response = BadInput.response(HttpStatus.BAD_REQUEST, input, input + ": "
                + (input.equals("path") ? "the path" : "the query string") + " is not valid percent-encoding");
        return request.getMethod() == HttpMethod.HEAD ? response.body(null) : response;
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
