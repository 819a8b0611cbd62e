package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/problem")
class RefusingController {

    @Get("/conflict")
    String conflict() {
        throw new HelpdeskProblem(HttpStatus.CONFLICT, "Stale version", "You sent version 2; it is now 3",
                Map.of("currentVersion", 3));
    }

    /** A bug: the kind of failure whose message and class must never reach the client. */
    @Get("/bug")
    String bug() {
        throw new IllegalStateException("secret internal detail: table ticket_event, row 42");
    }

    /** What a service sees when its pool cannot get a connection: the driver's error under the pool's. */
    @Get("/database-down")
    String databaseDown() {
        throw new IllegalStateException("wrapped", new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms.", "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
    }

    /** What a service sees when every connection of its pool is in use and the database is fine. */
    @Get("/pool-busy")
    String poolBusy() {
        throw new IllegalStateException("wrapped", new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms (total=16, active=16, "
                        + "idle=0, waiting=40)"));
    }

    /** lock_timeout ended a wait for a row another transaction holds. */
    @Get("/locked")
    String locked() {
        throw new RuntimeException(new SQLException("canceling statement due to lock timeout", "55P03"));
    }

    /** statement_timeout ended a statement: a database that hung (SIGSTOP) or is swamped, SQLSTATE 57014. */
    @Get("/statement-timeout")
    String statementTimeout() {
        throw new RuntimeException(new SQLException("ERROR: canceling statement due to statement timeout", "57014"));
    }

    /** PostgreSQL refusing a value: NUL in text is SQLSTATE 22021. */
    @Get("/nul-in-text")
    String nulInText() {
        throw new RuntimeException(new SQLDataException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
    }

    @Get("/body-cut-off")
    String bodyCutOff() {
        // What the server's body reader fails a handler with when the client closes before its body is whole.
        throw new RuntimeException(new java.io.EOFException("Connection closed before full body was received"));
    }

    @Get("/deadlock")
    String deadlock() {
        throw new RuntimeException(new SQLTransactionRollbackException("deadlock detected", "40P01"));
    }

    @Get("/echo{?text}")
    String echo(@Nullable @QueryValue String text) {
        return String.valueOf(text);
    }
}
