package campus.helpdesk.support.connection;

import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A whole HTTP/1.1 answer with a problem document, as bytes, closing the connection: for the handlers that answer
 * below the HTTP codec, where a request is still half-read and the codec has no answer to encode.
 */
final class RawProblem {

    private RawProblem() {
    }

    static byte[] of(HttpStatus status, String detail, Map<String, ?> extra, JsonMapper json) throws IOException {
        byte[] body = json.writeValueAsBytes(ProblemDocument.of(status, status.getReason(), detail, extra));
        byte[] head = ("HTTP/1.1 " + status.getCode() + " " + status.getReason() + "\r\nContent-Type: "
                + ProblemDocument.PROBLEM_JSON + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] whole = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }
}
