package campus.helpdesk.support.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RFC 9457 document every service answers errors with, built in one place: type, title, status (the number),
 * a readable detail, then extension members such as {@code field} or {@code currentVersion}.
 */
public final class ProblemDocument {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.of(PROBLEM_JSON);

    private ProblemDocument() {
    }

    public static Map<String, Object> of(HttpStatus status, String title, String detail, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        body.put("detail", detail);
        body.putAll(extra);
        return body;
    }

    /** A ready response, for filters and controllers that answer without throwing. */
    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String detail) {
        return response(status, detail, Map.of());
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String detail,
                                                                     Map<String, ?> extra) {
        return HttpResponse.<Map<String, Object>>status(status).contentType(PROBLEM_JSON_TYPE)
                .body(of(status, status.getReason(), detail, extra));
    }
}
