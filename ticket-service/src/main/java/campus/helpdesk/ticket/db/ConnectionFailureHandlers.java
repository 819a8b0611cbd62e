package campus.helpdesk.ticket.db;

import campus.helpdesk.support.problem.FailureHandler;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Micronaut's connection management (a repository, the transaction manager) failing on the connection itself gets
 * the answer {@link Database} gives for its own connections: 503 with Retry-After. Its exceptions carry the
 * driver's cause without an SQLSTATE when the pool is closed (the service stopping) or hands out a connection
 * that just broke, so the failure handler alone would answer 500.
 */
final class ConnectionFailureHandlers {

    private ConnectionFailureHandlers() {
    }

    /** The pool gave no connection: PostgreSQL unreachable, or the pool closed. */
    @Singleton
    @Produces
    static final class NoConnection extends Unreachable<CannotGetJdbcConnectionException> {
        NoConnection(FailureHandler failures) {
            super(failures);
        }
    }

    /** The connection broke while being set up for a statement (read-only mode, auto-commit, isolation). */
    @Singleton
    @Produces
    static final class BrokenConnection extends Unreachable<ConnectionException> {
        BrokenConnection(FailureHandler failures) {
            super(failures);
        }
    }

    abstract static class Unreachable<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {

        private final FailureHandler failures;

        Unreachable(FailureHandler failures) {
            this.failures = failures;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            return failures.handle(request, Database.unreachable(exception));
        }
    }
}
