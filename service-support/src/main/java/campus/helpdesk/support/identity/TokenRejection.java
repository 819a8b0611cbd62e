package campus.helpdesk.support.identity;

import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Micronaut Security's refusals as this product's problem documents, saying what is missing. The same answer for
 * no token, a forged one, an expired one or one for another service: a caller learns nothing about which.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class TokenRejection implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return ProblemDocument.response(HttpStatus.FORBIDDEN,
                    "This caller's role may not use " + request.getMethod() + " " + request.getPath());
        }
        return ProblemDocument.response(HttpStatus.UNAUTHORIZED, "A valid service token is required: requests "
                + "reach this service only through the gateway (Authorization: Bearer <signed token>)")
                .header("WWW-Authenticate", "Bearer");
    }
}
