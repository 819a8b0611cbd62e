package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Locale;
import java.util.Map;

/**
 * The one bad-input policy of every service: a 4xx problem+json whose {@code detail} reads on its own and whose
 * {@link #FIELD} member names the offending input, whatever kind it is: a JSON property ({@code title}), a query
 * parameter ({@code size}), a header ({@code If-Match}), or the whole body ({@code body}). One name, so that a
 * client needs one rule to put the message next to what caused it (the web UI's forms do exactly that).
 */
public final class BadInput {

    /** The problem member that names the offending input. */
    public static final String FIELD = "field";

    private BadInput() {
    }

    /** A 400 to throw, with the detail "{@code field}: {@code detail}". */
    public static HelpdeskProblem problem(String field, String detail) {
        return problemWithDetail(field, field + ": " + detail);
    }

    /** A 400 to throw, with a detail already written in full (it should still mention the input). */
    public static HelpdeskProblem problemWithDetail(String field, String detail) {
        return new HelpdeskProblem(HttpStatus.BAD_REQUEST, HttpStatus.BAD_REQUEST.getReason(), detail, naming(field));
    }

    /** A ready 4xx response, for filters that answer before any controller runs. */
    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String field, String detail) {
        return ProblemDocument.response(status, detail, naming(field));
    }

    /**
     * 408 for a body that stopped short of its Content-Length (or a chunked one before its last chunk), whoever waited
     * for it: the connection is closed, because whatever the client sends next would be read as the rest of the body.
     */
    public static MutableHttpResponse<Map<String, Object>> bodyNotWhole() {
        return response(HttpStatus.REQUEST_TIMEOUT, "body", "body: the request body ended before its Content-Length "
                + "(or a chunked body before its last chunk): send the whole body")
                .header(HttpHeaders.CONNECTION, "close");
    }

    /**
     * A yes/no query parameter read strictly: {@code true} or {@code false} in any case, null when absent or empty.
     * The framework's own conversion takes true, yes, y and on for yes and every other word for no, so a typo
     * ({@code ?thumbnail=ture}, {@code =1}) would quietly mean no.
     */
    public static @Nullable Boolean trueOrFalse(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw problem(field, "must be true or false");
        };
    }

    /** The extension member naming the input, for problem documents built elsewhere. */
    public static Map<String, Object> naming(String field) {
        return Map.of(FIELD, field);
    }
}
