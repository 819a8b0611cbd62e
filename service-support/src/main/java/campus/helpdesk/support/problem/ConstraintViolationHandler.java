package campus.helpdesk.support.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.violations.ProblemConstraintViolationExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that fails validation, in every service: 400 with a detail written for the person who typed it (the
 * contract's constraint messages are sentences: "Please give a short title. The description can be at most 10,000
 * characters."), the first offending input as {@link BadInput#FIELD} and every violation under {@code violations},
 * each naming the field the caller knows ("title", not "create.ticket.title") apart from its message. The field
 * names are for programs; no field name is glued into the text as "title: ...".
 */
@Singleton
@Produces(ProblemDocument.PROBLEM_JSON)
@Requires(classes = ConstraintViolationException.class)
@Replaces(ProblemConstraintViolationExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Map<String, String>> violations = exception.getConstraintViolations().stream()
                .map(v -> Map.of(BadInput.FIELD, field(v), "message", v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> v) -> v.get(BadInput.FIELD))
                        .thenComparing(v -> v.get("message")))
                // Two rules may say one thing: blank text fails @NotBlank and Text.VISIBLE with the same sentence.
                .distinct()
                .toList();
        String detail = violations.stream().map(v -> sentence(v.get(BadInput.FIELD), v.get("message")))
                .collect(Collectors.joining(" "));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (!violations.isEmpty()) {
            extra.putAll(BadInput.naming(violations.getFirst().get(BadInput.FIELD)));
        }
        extra.put("violations", violations);
        return ProblemDocument.response(HttpStatus.BAD_REQUEST, detail, extra);
    }

    /**
     * A constraint message written as a sentence stays as it is; a framework default ("must not be blank") gets its
     * subject: "The name must not be blank."
     */
    static String sentence(String field, String message) {
        if (message.endsWith(".") || message.endsWith("?") || message.endsWith("!")) {
            return message;
        }
        return "The " + field + " " + message + ".";
    }

    /**
     * The property path as the caller wrote the body: method.parameter.field → field (the parameter, for a null
     * body); an element of a list is named by its place, tickets[1], not by the validator's "&lt;list element&gt;".
     */
    private static String field(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            String place = node.isInIterable() && name != null ? name + "[" + (node.getIndex() != null
                    ? node.getIndex() : node.getKey() != null ? node.getKey() : "") + "]" : null;
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                name = place != null ? place : name;
            } else {
                name = place != null ? place + "." + node.getName() : node.getName();
            }
        }
        return name == null ? "body" : name;
    }
}
