package campus.helpdesk.support.problem;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input, whoever catches it (validation, the JSON reader, the filters before routing), is a
 * problem+json that names the offending input in one member, {@code field}, beside the usual type, title, status
 * and detail.
 */
@MicronautTest
class BadInputTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void aYesOrNoParameterIsTrueOrFalseInAnyCaseAndNothingElse() {
        assertThat(BadInput.trueOrFalse("flag", " TRUE ")).isTrue();
        assertThat(BadInput.trueOrFalse("flag", "false")).isFalse();
        assertThat(BadInput.trueOrFalse("flag", null)).isNull();
        assertThat(BadInput.trueOrFalse("flag", " ")).isNull();
        for (String bad : List.of("yes", "on", "1", "ture", "true\u0000", "true,false")) {
            HelpdeskProblem refused = org.junit.jupiter.api.Assertions.assertThrows(HelpdeskProblem.class,
                    () -> BadInput.trueOrFalse("flag", bad), bad);
            assertThat(refused.getMessage()).isEqualTo("flag: must be true or false");
        }
    }

    @Test
    void aBodyThatFailsValidationNamesEveryFieldAndTheFirstAsField() throws Exception {
        Map<String, Object> problem = problem(post("{\"title\": \"" + "t".repeat(21) + "\", \"description\": \" \"}"),
                400);
        assertThat(problem).containsEntry("type", "about:blank").containsEntry("title", "Bad Request")
                .containsEntry("field", "description")
                .containsEntry("detail", "The description must not be blank. The title size must be between 0 and 20.");
        assertThat(problem.get("violations")).isEqualTo(List.of(
                Map.of("field", "description", "message", "must not be blank"),
                Map.of("field", "title", "message", "size must be between 0 and 20")));
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedBodyNotByItsJavaParameter() throws Exception {
        Map<String, Object> problem = problem(post("[]"), 400);
        assertThat(problem).containsEntry("field", "body");
        assertThat((String) problem.get("detail")).startsWith("body: ").doesNotContain("report");
    }

    @Test
    void unreadableJsonIsNamedBody() throws Exception {
        Map<String, Object> problem = problem(post("{\"title\": "), 400);
        assertThat(problem).containsEntry("field", "body");
        assertThat((String) problem.get("detail")).doesNotContain("Exception");
    }

    @Test
    void aQueryParameterAndAContentTypeAreNamedTheSameWay() throws Exception {
        assertThat(problem(HTTP.send(HttpRequest.newBuilder(server.getURI().resolve("/problem/echo?text=a%00"))
                .build(), HttpResponse.BodyHandlers.ofString()), 400)).containsEntry("field", "text");
        assertThat(problem(HTTP.send(HttpRequest.newBuilder(server.getURI().resolve("/api/problem/report"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()), 415)).containsEntry("field", "Content-Type");
    }

    @Test
    void aBadElementOfAListIsNamedByItsPlaceInTheList() throws Exception {
        Map<String, Object> problem = problem(post("{\"title\": \"t\", \"description\": \"d\", \"tickets\": [5, -1]}"),
                400);
        assertThat(problem).containsEntry("field", "tickets[1]");
        assertThat((String) problem.get("detail")).doesNotContain("<").doesNotContain("element");
    }

    @Test
    void aWholeNumberTooLargeForItsTypeIsSaidToBeOutOfRange() {
        assertThat(ProblemResponses.readable("Failed to convert argument [id] for value [99999999999999999999] due "
                + "to: For input string: \"99999999999999999999\"")).isEqualTo("is out of range");
        assertThat(ProblemResponses.readable("Failed to convert argument [id] for value [1x] due to: For input "
                + "string: \"1x\"")).isEqualTo("must be a whole number");
    }

    @Test
    void jsonInAnotherCharsetIsRefusedByNameAndUtf8IsReadAsSuch() throws Exception {
        for (String charset : List.of("iso-8859-1", "UTF-16", "no-such-charset")) {
            Map<String, Object> problem = problem(post("application/json; charset=" + charset, "{\"title\": \"caf\u00e9\"}"), 415);
            assertThat(problem).containsEntry("field", "Content-Type");
            assertThat((String) problem.get("detail")).contains("UTF-8", charset);
        }
        for (String charset : List.of("utf-8", "UTF8", "us-ascii")) {
            assertThat(post("application/json; charset=" + charset, "{}").statusCode()).as(charset).isNotEqualTo(415);
        }
    }

    /** ASCII text in UTF-16 or UTF-32 is valid UTF-8 byte for byte; the reader would have detected it and read it. */
    @Test
    void jsonInUtf16OrUtf32WithoutAByteOrderMarkIsRefusedAsNotUtf8() throws Exception {
        String body = "{\"title\": \"Lift stuck\", \"description\": \"Between floors 2 and 3.\"}";
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI()
                            + "/api/problem/report")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(java.nio.charset.Charset.forName(
                            charset)))).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> problem = problem(refused, 400);
            assertThat(problem).as(charset).containsEntry("field", "body");
            assertThat((String) problem.get("detail")).contains("UTF-8");
        }
    }

    /** HTTP/1.1 asks for one Host: two, or none, would let a proxy in front read another request than the desk. */
    @Test
    void twoHostHeadersOrNoneOnHttp11AreA400NamingHost() throws Exception {
        for (String head : List.of("GET /problem/echo HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n",
                "GET /problem/echo HTTP/1.1\r\n")) {
            String answer = raw(head + "Connection: close\r\n\r\n");
            assertThat(answer).as(head).startsWith("HTTP/1.1 400").contains("\"field\":\"Host\"");
        }
        assertThat(raw("GET /problem/echo HTTP/1.0\r\n\r\n")).as("HTTP/1.0 has no Host to give")
                .doesNotContain("\"field\":\"Host\"");
    }

    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyThatIsNotInTheEncodingItsHeaderNamesIsRefusedAndOneThatIsIsRead() throws Exception {
        String body = "{\"title\": \"Lift stuck\", \"description\": \"Between floors 2 and 3.\"}";
        for (String encoding : List.of("gzip", "deflate", "x-gzip", "snappy")) {
            Map<String, Object> problem = problem(encoded(encoding, body.getBytes(StandardCharsets.UTF_8)), 400);
            assertThat(problem).as(encoding).containsEntry("field", "Content-Encoding");
        }
        // Encodings the server does not decode were read as if the body were plain: a write succeeded by chance.
        for (String encoding : List.of("br", "zstd", "compress", "gzip, gzip", "x-unknown")) {
            Map<String, Object> problem = problem(encoded(encoding, body.getBytes(StandardCharsets.UTF_8)), 415);
            assertThat(problem).as(encoding).containsEntry("field", "Content-Encoding");
            assertThat((String) problem.get("detail")).contains(encoding);
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> read = encoded("gzip", gzipped.toByteArray());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("Between floors 2 and 3.");
    }

    @Test
    void anApiPathWithANulBrokenUtf8OrABrokenEscapeIsA400NamingThePath() throws Exception {
        for (String path : List.of("/api/problem/a%00b", "/api/problem/%FF", "/api/problem/%D9%A3")) {
            for (String method : List.of("GET", "DELETE")) {
                HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(problem(refused, 400)).as(method + " " + path).containsEntry("field", "path");
            }
        }
    }

    @Test
    void outsideTheApiAPathWithAControlCharacterIsA400Too() throws Exception {
        for (String path : List.of("/problem/echo%00", "/problem%00/echo", "/problem/echo%0a", "/problem/echo%01",
                "/%00", "/problem/%FF")) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(problem(refused, 400)).as(path).containsEntry("field", "path");
        }
    }

    @Test
    void outsideTheApiEverythingIsReadAndAWriteIs405() throws Exception {
        for (String method : List.of("DELETE", "POST", "PUT", "FOO")) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(server.getURI().resolve("/problem/echo"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(problem(refused, 405)).as(method).containsEntry("field", "method");
            assertThat(refused.headers().firstValue("Allow")).contains("GET, HEAD");
        }
    }

    private HttpResponse<String> encoded(String encoding, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/problem/report"))
                .header("Content-Type", "application/json").header("Content-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("application/json", body);
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/problem/report"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return json.readValue(response.body(), Map.class);
    }
}
