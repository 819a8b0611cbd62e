package campus.helpdesk.support.problem;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules every request body follows, in every service, decided before security and routing:
 * <ul>
 *   <li>framed by Content-Length or chunked, nothing else (any other Transfer-Encoding is a 400);</li>
 *   <li>at most max-request-size (1 MB): a larger declared Content-Length is a 413 problem at once. The server
 *   enforces the limit only on bodies it reads; a route that takes no body would run anyway (a DELETE with 1 MB
 *   attached signed the caller out), and the gateway's proxy streams bodies on, so the service behind refused
 *   half-way and the proxy could only report a 503;</li>
 *   <li>JSON: a body with another Content-Type (or none) is a 415 problem. Otherwise the router finds no route
 *   that consumes it and the caller is told it may not use the path (403), which sends them looking in the
 *   wrong place. JSON is read as UTF-8, so a body that declares another charset is a 415 too, rather than
 *   text read wrongly or a "not valid UTF-8" that blames the bytes.</li>
 * </ul>
 * The one exception is a file upload: {@code multipart/form-data} on the paths a service lists in
 * {@code helpdesk.uploads.paths} (ant patterns), up to max-request-size, which such a service raises; its other
 * bodies then stay within {@code helpdesk.uploads.json-max-request-size} (bytes; unset: max-request-size), and any
 * other body on an upload path is a 415 saying how files are sent.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestBodyFilter implements Ordered {

    /** Charsets whose bytes UTF-8 reads the same: read another as UTF-8 and "café" in latin1 arrives broken. */
    private static final Set<String> READ_AS_UTF8 = Set.of("utf-8", "utf8", "\"utf-8\"", "us-ascii", "ascii");

    private final long maxRequestSize;
    private final long maxJsonSize;
    private final List<String> uploadPaths;

    public RequestBodyFilter(HttpServerConfiguration server,
                             @Value("${helpdesk.uploads.paths:}") List<String> uploadPaths,
                             @Value("${helpdesk.uploads.json-max-request-size:-1}") long maxJsonSize) {
        this.maxRequestSize = server.getMaxRequestSize();
        this.maxJsonSize = maxJsonSize < 0 ? maxRequestSize : Math.min(maxJsonSize, maxRequestSize);
        this.uploadPaths = uploadPaths.stream().filter(path -> !path.isBlank()).toList();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after() + 1;
    }

    /** A 413 or 415 to answer at once, or null to let the request go on. */
    @RequestFilter
    public @Nullable MutableHttpResponse<?> check(HttpRequest<?> request) {
        List<String> codings = request.getHeaders().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.getFirst().strip().equalsIgnoreCase("chunked"))) {
            // The server reads any other coding's body by its Content-Length, where a proxy in front may have read it
            // otherwise: two readings of where a request ends are how requests are smuggled (RFC 9112, 6.1 and 6.3).
            return BadInput.response(HttpStatus.BAD_REQUEST, HttpHeaders.TRANSFER_ENCODING,
                    "Transfer-Encoding: only 'chunked' is understood, not '" + shorten(String.join(", ", codings))
                            + "'").header(HttpHeaders.CONNECTION, "close");
        }
        if (!hasBody(request)) {
            return null;
        }
        String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        boolean upload = type != null && isUpload(request.getPath(), type);
        long limit = upload ? maxRequestSize : maxJsonSize;
        if (request.getContentLength() > limit) {
            return BadInput.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body", "body: the request body is "
                    + request.getContentLength() + " bytes; at most " + limit + " are accepted");
        }
        if (upload) {
            return null;
        }
        // Any other body on an upload path would find no route and be told 403, as JSON elsewhere would.
        if (isUploadPath(request.getPath())) {
            return BadInput.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE,
                    "Content-Type: files are uploaded as multipart/form-data with the part 'file', not "
                            + (type == null ? "missing" : "'" + shorten(type) + "'"));
        }
        if (type != null && isJson(type)) {
            String charset = declaredCharset(type);
            return charset == null || READ_AS_UTF8.contains(charset.toLowerCase(Locale.ROOT)) ? null
                    : BadInput.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE,
                            "Content-Type: JSON bodies are read as UTF-8 (charset=utf-8, or no charset), not charset '"
                                    + shorten(charset) + "'");
        }
        return BadInput.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE,
                "Content-Type: request bodies must be JSON (Content-Type: application/json), not "
                        + (type == null ? "missing" : "'" + shorten(type) + "'"));
    }

    private static boolean hasBody(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return headers.contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private boolean isUpload(String path, String contentType) {
        try {
            return MediaType.of(contentType).matches(MediaType.MULTIPART_FORM_DATA_TYPE) && isUploadPath(path);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean isUploadPath(String path) {
        return uploadPaths.stream().anyMatch(pattern -> PathMatcher.ANT.matches(pattern, path));
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.of(contentType);
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The charset parameter a JSON Content-Type declares, or null. */
    private static @Nullable String declaredCharset(String contentType) {
        try {
            return MediaType.of(contentType).getParameters().get("charset").map(String::strip).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shorten(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }
}
