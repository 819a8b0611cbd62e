package campus.helpdesk.ticket.problem;

import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An expected refusal (bad input, not found, conflict, ...), answered as an RFC 9457 problem by
 * {@link HelpdeskProblemHandler}. Extra members (e.g. {@code currentVersion}, {@code field}) travel in the body.
 */
public final class HelpdeskProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> extra;

    HelpdeskProblem(HttpStatus status, String title, String detail, Map<String, Object> extra) {
        super(detail, null, false, false); // an answer, not a failure: no stack trace
        this.status = status;
        this.title = title;
        this.extra = extra;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem document: type, title, status, detail, then the extra members. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        body.put("detail", getMessage());
        body.putAll(extra);
        return body;
    }
}
