package campus.helpdesk.ticket.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
@Produces
@Requires(classes = {HelpdeskProblem.class, ExceptionHandler.class})
public class HelpdeskProblemHandler implements ExceptionHandler<HelpdeskProblem, HttpResponse<?>> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public HttpResponse<?> handle(HttpRequest request, HelpdeskProblem problem) {
        return HttpResponse.status(problem.status()).contentType(PROBLEM_JSON).body(problem.body());
    }
}
