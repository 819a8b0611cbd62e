package campus.helpdesk.support.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
@Produces(ProblemDocument.PROBLEM_JSON)
public class HelpdeskProblemHandler implements ExceptionHandler<HelpdeskProblem, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, HelpdeskProblem problem) {
        MutableHttpResponse<?> response = HttpResponse.status(problem.status())
                .contentType(ProblemDocument.PROBLEM_JSON_TYPE).body(problem.body());
        return problem.retryAfterSeconds() > 0
                ? response.header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()))
                : response;
    }
}
