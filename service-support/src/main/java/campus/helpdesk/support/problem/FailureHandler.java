package campus.helpdesk.support.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Every exception that no more specific handler answers ends here, in every service. These outcomes:
 * <ul>
 *   <li>the pool has no connection free while the database is fine (every one in use): <b>503</b> "busy" with
 *   {@code Retry-After};</li>
 *   <li>the database cannot be reached (the pool timed out on a database that refused it, the connection was refused
 *   or broke, the server is shutting down), or it ended a statement that ran past the service's statement_timeout (a server that stalled,
 *   or is swamped): <b>503</b> with {@code Retry-After}, because the request may well work in a few seconds;</li>
 *   <li>the database refused a value as data (SQLSTATE class 22: text it cannot store such as NUL, a number or
 *   date out of its range): <b>400</b>, because the input is at fault; the contract's own checks usually answer
 *   first and name the field, this is the net under them;</li>
 *   <li>the client closed its connection before its body was whole, or sent one that is not in the
 *   {@code Content-Encoding} it names: <b>400</b>, logged as the client's doing;</li>
 *   <li>anything else: <b>500</b> with a generic detail. The cause goes to the log, never into the answer: no
 *   exception names, messages or stack traces leave the service.</li>
 * </ul>
 */
@Singleton
@Produces(ProblemDocument.PROBLEM_JSON)
public class FailureHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    /** Seconds a client should wait before retrying while the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** A lock held elsewhere is most often gone within a moment (a script's transaction, someone's psql). */
    static final int LOCK_RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
    private static final String MULTIPART_DECODER = "io.netty.handler.codec.http.multipart.";
    /** How deep in a failure's stack the decoder is looked for: below the JDK's own index and charset checks. */
    private static final int DECODER_FRAMES = 16;

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        SQLException sql = sqlCause(exception);
        MutableHttpResponse<?> response;
        if (sql != null && lockedElsewhere(sql)) {
            LOG.warn("{} {}: gave up waiting for a lock held by another transaction: {}", request.getMethod(),
                    request.getPath(), sql.getMessage());
            response = ProblemDocument.response(HttpStatus.SERVICE_UNAVAILABLE,
                    "Another change is holding what this request needs, so nothing was changed; "
                            + "try again in a moment")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(LOCK_RETRY_AFTER_SECONDS));
        } else if (sql != null && poolBusy(sql)) {
            LOG.warn("{} {}: no database connection was free in time: {}", request.getMethod(), request.getPath(),
                    sql.getMessage());
            response = ProblemDocument.response(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service is busy with other requests right now; try again in a moment")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(LOCK_RETRY_AFTER_SECONDS));
        } else if (sql != null && unreachable(sql)) {
            LOG.warn("{} {}: the database is not reachable: {}", request.getMethod(), request.getPath(),
                    sql.toString());
            response = ProblemDocument.response(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is not reachable right now; try again in a few seconds")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        } else if (sql != null && tookTooLong(sql)) {
            // The statement's transaction was rolled back with it: nothing changed. A stalled server's statements
            // all end at once when it resumes, so a line each, without the stack.
            LOG.warn("{} {}: the database ended a statement that took too long: {}", request.getMethod(),
                    request.getPath(), sql.getMessage());
            response = ProblemDocument.response(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database took too long to answer, so nothing was changed; try again in a few seconds")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        } else if (sql != null && rolledBackForAnother(sql)) {
            LOG.info("{} {}: the database rolled the transaction back for a concurrent one: {}", request.getMethod(),
                    request.getPath(), sql.getMessage());
            response = ProblemDocument.response(HttpStatus.CONFLICT,
                    "Someone changed the same tickets at the same moment, so nothing was changed; try again.");
        } else if (sql != null && refusedAsData(sql)) {
            LOG.info("{} {}: the database refused a value: {}", request.getMethod(), request.getPath(),
                    sql.getMessage());
            response = BadInput.response(HttpStatus.BAD_REQUEST, "body",
                    "A value in the request cannot be stored: it is out of range or contains characters such as NUL "
                            + "(\\u0000) that text may not contain");
        } else if (malformedForm(exception)) {
            LOG.info("{} {}: the multipart form is malformed: {}", request.getMethod(), request.getPath(),
                    exception.toString());
            response = BadInput.response(HttpStatus.BAD_REQUEST, "body", "The form cannot be read, so nothing was "
                    + "stored: a part is malformed (no name, an unknown charset or transfer encoding, a broken "
                    + "boundary or file name). Send each file as a part named \"file\" with a filename.");
        } else if (UndecodableBody.in(exception)) {
            LOG.info("{} {}: the body is not in the Content-Encoding it names", request.getMethod(), request.getPath());
            response = UndecodableBody.refusal();
        } else if (cutOffBody(exception)) {
            // The client closed its connection mid-body (a lost network, a client that gave up): nobody reads this
            // answer, and it is no fault of the service's, so no ERROR and no stack trace in the log.
            LOG.info("{} {}: the client closed the connection before its body was whole", request.getMethod(),
                    request.getPath());
            response = BadInput.response(HttpStatus.BAD_REQUEST, "body",
                    "The request's body ended before it was whole, so nothing was changed: send it again.");
        } else {
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
            response = ProblemDocument.response(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The server could not answer this request; the cause is in its log.");
        }
        return request.getMethod() == HttpMethod.HEAD ? response.body(null) : response;
    }

    /** The server's body reader failed the request: its connection closed before the body's last byte. */
    static boolean cutOffBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Netty's multipart decoder gave up on the form: its own exception, or a NullPointerException, index or charset
     * failure ({@code UnsupportedCharsetException} is an IllegalArgumentException) thrown within its frames (a part without a name, {@code filename*=x-bogus''a}, {@code boundary="}).
     * What a client wrote wrong, whichever way the decoder fails on it.
     */
    static boolean malformedForm(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(MULTIPART_DECODER + "HttpPostRequestDecoder$ErrorDataDecoderException")) {
                return true;
            }
            // A disk that is full, a buffer gone wrong or memory running out within the decoder is the server's.
            if (!(t instanceof NullPointerException || t instanceof IndexOutOfBoundsException
                    || t instanceof IllegalArgumentException)) {
                continue;
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, DECODER_FRAMES); i++) {
                if (frames[i].getClassName().startsWith(MULTIPART_DECODER)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first SQLException in the cause chain (a pool or a transaction manager wraps the driver's). */
    static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Hikari's pool timeout while the database is fine: every connection is in use, and none failed to open (the
     * pool then names no SQLSTATE and no cause). Saying "not reachable" sent operators to look at a healthy database.
     */
    public static boolean poolBusy(SQLException sql) {
        return sql instanceof SQLTransientConnectionException && sql.getSQLState() == null && sql.getCause() == null;
    }

    /**
     * Connection trouble, not a statement's: Hikari's pool timeout, SQLSTATE class 08 (connection exception),
     * 57P01–57P03 (admin or crash shutdown, cannot connect now), or the same further down the chain.
     */
    static boolean unreachable(SQLException sql) {
        for (Throwable t = sql; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().matches("57P0[1-3]"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE 57014, query canceled: the service's statement_timeout ended it (or an operator's pg_cancel_backend).
     */
    static boolean tookTooLong(SQLException sql) {
        return "57014".equals(sql.getSQLState());
    }

    /** SQLSTATE 55P03, lock not available: the service's lock_timeout ended a wait for another transaction. */
    static boolean lockedElsewhere(SQLException sql) {
        return "55P03".equals(sql.getSQLState());
    }

    /**
     * SQLSTATE 40P01 (a deadlock PostgreSQL broke) or 40001 (serialization failure): the whole transaction was rolled
     * back because of a concurrent one, so nothing changed and the same request may well succeed next time.
     */
    static boolean rolledBackForAnother(SQLException sql) {
        return "40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState());
    }

    /** SQLSTATE class 22, data exception: invalid text encoding, NUL in text, a value out of range. */
    static boolean refusedAsData(SQLException sql) {
        return sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }
}
