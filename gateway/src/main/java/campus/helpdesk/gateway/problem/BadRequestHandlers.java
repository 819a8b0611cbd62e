package campus.helpdesk.gateway.problem;

import campus.helpdesk.support.problem.ProblemDocument;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.problem.violations.ProblemConstraintViolationExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Bad input at the gateway's own endpoints answers 400 problem+json with a {@code detail} a person can read and
 * that names the field, instead of Micronaut's defaults (which name the Java method or say nothing).
 */
public final class BadRequestHandlers {

    private BadRequestHandlers() {
    }

    @Produces
    @Singleton
    @Replaces(ProblemConstraintViolationExceptionHandler.class)
    public static class Constraints implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
            String detail = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> field(v.getPropertyPath())))
                    .map(v -> field(v.getPropertyPath()) + ": " + v.getMessage())
                    .collect(Collectors.joining("; "));
            String first = e.getConstraintViolations().stream().map(ConstraintViolation::getPropertyPath)
                    .map(Constraints::field).sorted().findFirst().orElse("");
            return ProblemDocument.response(HttpStatus.BAD_REQUEST, detail, Map.of("field", first));
        }

        /** The last node of {@code signIn.signIn.name} is the field the user knows. */
        private static String field(Path path) {
            return StreamSupport.stream(path.spliterator(), false).reduce((a, b) -> b)
                    .map(Path.Node::getName).orElse("");
        }
    }

    @Produces
    @Singleton
    @Replaces(JsonExceptionHandler.class)
    public static class Json implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException e) {
            return ProblemDocument.response(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
        }
    }

    @Produces
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    public static class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            return ProblemDocument.response(HttpStatus.BAD_REQUEST, e.getArgument().getName() + ": has the wrong type or format",
                    Map.of("field", e.getArgument().getName()));
        }
    }
}
