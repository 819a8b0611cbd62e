package campus.helpdesk.gateway.caller;

import campus.helpdesk.support.problem.FailureHandler;
import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** The request's credentials were refused (401), or could not be checked right now (503). */
public class CallerRefused extends RuntimeException {

    private final HttpStatus status;

    public CallerRefused(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * The refusal as the client gets it. "Cannot be checked right now" says when to try again, as the services' own
     * 503s do: while the database was away it was most of what a token client got, without a word on when.
     */
    public MutableHttpResponse<?> response() {
        MutableHttpResponse<?> response = ProblemDocument.response(status, getMessage());
        return status == HttpStatus.SERVICE_UNAVAILABLE
                ? response.header(HttpHeaders.RETRY_AFTER, String.valueOf(FailureHandler.RETRY_AFTER_SECONDS))
                : response;
    }
}
