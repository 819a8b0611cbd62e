package campus.helpdesk.analytics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes RFC 9457 by hand so that {@code status} is the number and the parameter is a top-level member. */
@Singleton
@Produces("application/problem+json")
public class BadParameterHandler implements ExceptionHandler<BadParameter, HttpResponse<Map<String, Object>>> {

    private static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, BadParameter exception) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", 400);
        problem.put("detail", exception.getMessage());
        if (exception.parameter() != null) {
            problem.put("parameter", exception.parameter());
        }
        return HttpResponse.<Map<String, Object>>badRequest(problem).contentType(PROBLEM_JSON);
    }
}
