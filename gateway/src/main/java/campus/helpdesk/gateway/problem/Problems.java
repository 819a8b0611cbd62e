package campus.helpdesk.gateway.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 answers the gateway writes itself (the services write their own). Built as plain maps so a filter can
 * answer without going through an exception handler.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    public static MutableHttpResponse<Map<String, Object>> of(HttpStatus status, String detail) {
        return of(status, detail, Map.of());
    }

    public static MutableHttpResponse<Map<String, Object>> of(HttpStatus status, String detail,
                                                              Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        body.putAll(extra);
        return HttpResponse.<Map<String, Object>>status(status).contentType(PROBLEM_JSON).body(body);
    }
}
