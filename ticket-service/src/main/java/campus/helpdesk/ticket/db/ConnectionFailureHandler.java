package campus.helpdesk.ticket.db;

import campus.helpdesk.support.problem.FailureHandler;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Micronaut's connection management (a repository, the transaction manager) could not get a connection from the
 * pool: the same answer as {@link Database#autoCommit} gives, 503 with Retry-After. Without this, a pool closed under
 * a request (the service stopping) would surface as a 500, because its exception carries no SQLSTATE for the
 * failure handler to recognise.
 */
@Singleton
@Produces
public class ConnectionFailureHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<?>> {

    private final FailureHandler failures;

    public ConnectionFailureHandler(FailureHandler failures) {
        this.failures = failures;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        return failures.handle(request, Database.unreachable(exception));
    }
}
