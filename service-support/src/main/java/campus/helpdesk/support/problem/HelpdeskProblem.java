package campus.helpdesk.support.problem;

import io.micronaut.http.HttpStatus;

import java.util.Map;

/**
 * An expected refusal (bad input, not found, conflict, ...), answered as an RFC 9457 problem by
 * {@link HelpdeskProblemHandler}. Extra members (e.g. {@code currentVersion}, {@link BadInput#FIELD}) travel in the body.
 */
public final class HelpdeskProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, ?> extra;
    private final int retryAfterSeconds;

    public HelpdeskProblem(HttpStatus status, String detail) {
        this(status, status.getReason(), detail, Map.of());
    }

    public HelpdeskProblem(HttpStatus status, String title, String detail, Map<String, ?> extra) {
        this(status, title, detail, extra, 0);
    }

    private HelpdeskProblem(HttpStatus status, String title, String detail, Map<String, ?> extra,
                            int retryAfterSeconds) {
        super(detail, null, false, false); // an answer, not a failure: no stack trace
        this.status = status;
        this.title = title;
        this.extra = extra;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same refusal, saying in {@code Retry-After} when the same request may well succeed. */
    public HelpdeskProblem retryAfter(int seconds) {
        return new HelpdeskProblem(status, title, getMessage(), extra, seconds);
    }

    /** Seconds for {@code Retry-After}, 0 when the answer has none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> body() {
        return ProblemDocument.of(status, title, getMessage(), extra);
    }
}
