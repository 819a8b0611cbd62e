package campus.helpdesk.gateway.caller;

import io.micronaut.http.HttpStatus;

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
}
