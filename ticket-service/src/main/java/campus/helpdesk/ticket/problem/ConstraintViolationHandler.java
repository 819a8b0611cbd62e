package campus.helpdesk.ticket.problem;

import campus.helpdesk.support.problem.ProblemDocument;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.violations.ProblemConstraintViolationExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A body that fails validation: 400 with every violation, each naming the JSON field ("title", not
 * "create.ticket.title"), and a detail that reads on its own ("title: must not be blank").
 */
@Singleton
@Produces
@Replaces(ProblemConstraintViolationExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Map<String, String>> violations = exception.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> v) -> v.get("field"))
                        .thenComparing(v -> v.get("message")))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.BAD_REQUEST.getReason());
        body.put("status", HttpStatus.BAD_REQUEST.getCode());
        body.put("detail", violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                .collect(Collectors.joining("; ")));
        if (!violations.isEmpty()) {
            body.put("field", violations.getFirst().get("field"));
        }
        body.put("violations", violations);
        return HttpResponse.badRequest(body).contentType(ProblemDocument.PROBLEM_JSON);
    }

    /** The last node of the property path: method.parameter.field → field (the parameter, for a null body). */
    private static String field(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "body" : name;
    }
}
