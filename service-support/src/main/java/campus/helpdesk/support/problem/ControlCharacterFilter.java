package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, in every service and before anything else looks at the request, a path, query parameter or header
 * that no person types: a malformed percent-encoding, a query value whose bytes are not UTF-8, a control character
 * such as NUL ({@code %00}), an API query parameter given twice or a one-value header (Idempotency-Key, If-Match,
 * ...) given twice, more query parameters than the framework reads, or an API number written with a plus sign or
 * other digits than 0-9 ({@link Digits}), or a lower-case method ({@link RequestLine}). Each is a 400 problem naming
 * the parameter or header. A body in an encoding the server does not decode (br, zstd, two encodings) is a 415: read
 * as it is, it would be garbage or, worse, pass as unencoded text; an HTTP major version other than 1 a 505; a
 * proxy header the framework cannot read a 400 ({@link ForwardedHeaders}). One
 * filter, so that the query's parameters are walked once. PostgreSQL cannot store NUL in text, so without this a search for {@code q=%00} got as far as the database and came back as a 500.
 * JSON bodies are checked by the contract's records ({@code @Pattern} with {@code campus.helpdesk.api.Text}), which
 * name the field.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ControlCharacterFilter implements Ordered {

    /** Headers that say one thing each, read by the framework as their first value: given twice, a 400. */
    static final Set<String> ONCE = Set.of("idempotency-key", "if-match", "x-delivery-id", "x-helpdesk-signature",
            "authorization", "content-type", "origin", "last-event-id");

    /** More than the framework reads of a query (1,024); what it would drop is refused instead. */
    static final int MAX_PARAMETERS = 1000;

    /** The body encodings the HTTP server decodes; a body that is not what its header says is a 400 then. */
    static final Set<String> READABLE_ENCODINGS = Set.of("identity", "gzip", "x-gzip", "deflate", "x-deflate",
            "snappy");

    @Override
    public int getOrder() {
        // Right after the trace and the access log, before security: a refusal for malformed input needs no token.
        return ServerFilterPhase.FIRST.after();
    }

    /** A 400 to answer at once, or null to let the request go on. */
    @RequestFilter
    public @Nullable MutableHttpResponse<?> check(HttpRequest<?> request) {
        MutableHttpResponse<?> line = RequestLine.refusal(request);
        if (line != null) {
            return line;
        }
        String path;
        try {
            path = request.getPath();
        } catch (IllegalArgumentException e) {
            return refuse("path", "the path is not valid percent-encoding");
        }
        if (hasControl(path, false)) {
            return refuse("path", "the path must not contain control characters such as NUL (%00)");
        }
        boolean api = path.startsWith("/api/");
        if (!api && request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            // Pages, scripts, health and metrics are read, never written: DELETE /index.html answered 200 with it.
            return BadInput.response(HttpStatus.METHOD_NOT_ALLOWED, "method", "method: " + request.getMethodName()
                    + " is not allowed here; outside /api/ everything is read with GET or HEAD")
                    .header(HttpHeaders.ALLOW, "GET, HEAD");
        }
        if (rawNonAscii(path)) {
            return refuse("path", RAW_NON_ASCII);
        }
        for (String segment : path.split("/")) {
            // The path comes as sent, percent-encoded; the router decodes it (%D9%A3 is "٣", %00 a NUL) before
            // binding, and a token's name went to the database with its NUL. Outside /api/ too: the static files'
            // resolver dropped the NUL and served /js/app.js for /js/app.js%00, past any proxy rule for the one path.
            String value = segment.indexOf('%') < 0 ? segment : decoded(segment);
            if (value == null) {
                return refuse("path", "the path is not valid percent-encoding");
            }
            if (!isUtf8(segment)) {
                return refuse("path", "is not valid UTF-8 (each byte of a character is percent-encoded)");
            }
            if (hasControl(value, false)) {
                return refuse("path", "the path must not contain control characters such as NUL (%00)");
            }
            if (api && Digits.foreign(value)) {
                return refuse("path", "a number is written with the digits 0-9, without a + sign");
            }
        }
        String rawQuery = request.getUri().getRawQuery();
        if (rawQuery != null && rawQuery.length() > MAX_PARAMETERS && separators(rawQuery) >= MAX_PARAMETERS) {
            // The framework reads the first 1,024 and drops the rest unseen, these checks included.
            return refuse("query", "has more than " + MAX_PARAMETERS + " parameters");
        }
        if (rawNonAscii(rawQuery)) {
            return refuse("query", RAW_NON_ASCII);
        }
        String notUtf8 = notUtf8(rawQuery);
        if (notUtf8 != null) {
            return refuse(printable(notUtf8), "is not valid UTF-8 (each byte of a character is percent-encoded, "
                    + "e.g. caf%C3%A9 for café)");
        }
        try {
            for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
                String name = parameter.getKey();
                if (hasControl(name, false)) {
                    return refuse("query", "a parameter name must not contain control characters such as NUL");
                }
                for (String value : parameter.getValue()) {
                    if (hasControl(value, false)) {
                        return refuse(printable(name), "must not contain control characters such as NUL (%00)");
                    }
                }
                if (api && name.endsWith("Id") && parameter.getValue().stream().anyMatch(Digits::foreign)) {
                    return refuse(printable(name), "is written with the digits 0-9, without a + sign");
                }
                // The framework joins a repeated parameter's values with a comma: q=printer&q=scanner would search
                // for "printer,scanner", a question nobody asked.
                if (api && parameter.getValue().size() > 1) {
                    return refuse(printable(name), "is given " + parameter.getValue().size() + " times; give it "
                            + "once (where it takes several values, separate them with commas in that one value)");
                }
            }
        } catch (IllegalArgumentException e) {
            return refuse("query", "the query string is not valid percent-encoding");
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders()) {
            if (header.getValue().size() > 1 && ONCE.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                // The framework would read the first and ignore the rest: a second Idempotency-Key never recorded.
                return refuse(printable(header.getKey()), "is given " + header.getValue().size() + " times; give it "
                        + "once");
            }
            for (String value : header.getValue()) {
                if (hasControl(value, true)) {
                    return refuse(printable(header.getKey()), "a header must not contain control characters such "
                            + "as NUL");
                }
            }
        }
        MutableHttpResponse<?> forwarded = ForwardedHeaders.refusal(request);
        if (forwarded != null) {
            return forwarded;
        }
        List<String> encodings = request.getHeaders().getAll(HttpHeaders.CONTENT_ENCODING);
        if (!encodings.isEmpty() && (encodings.size() > 1
                || !READABLE_ENCODINGS.contains(encodings.getFirst().strip().toLowerCase(Locale.ROOT)))) {
            // The server decodes these and reads any other (br, zstd, "gzip, gzip") as if it were not encoded.
            return BadInput.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding", "Content-Encoding: "
                    + printable(String.join(", ", encodings)) + " is not an encoding this service reads; send the "
                    + "body as gzip or deflate, or unencoded");
        }
        return null;
    }

    /**
     * The name of the first query parameter whose value's bytes are not UTF-8 ({@code q=%FF}, a lone surrogate
     * {@code %ED%A0%80}), or null. The framework decodes such bytes to U+FFFD, so a search would quietly look for
     * replacement characters. A name that is itself broken is reported as "query".
     */
    static @Nullable String notUtf8(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.indexOf('%') < 0) {
            return null;
        }
        for (String pair : rawQuery.split("[&;]")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!isUtf8(name)) {
                return "query";
            }
            if (equals >= 0 && !isUtf8(pair.substring(equals + 1))) {
                try {
                    return URLDecoder.decode(name, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) { // a broken escape in the name
                    return "query";
                }
            }
        }
        return null;
    }

    private static final String RAW_NON_ASCII = "characters outside ASCII must be percent-encoded as UTF-8 (e.g. "
            + "caf%C3%A9 for café)";

    /**
     * A request line carries ASCII only (RFC 3986; browsers encode the rest). Its other bytes reach here as the
     * Latin-1 characters the server read them as: {@code q=\xff} searched for "ÿ", while raw UTF-8 was refused
     * elsewhere; now both are, in one sentence.
     */
    private static boolean rawNonAscii(@Nullable String raw) {
        if (raw == null) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) > 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUtf8(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && HexFormat.isHexDigit(encoded.charAt(i + 1))
                    && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                // A broken escape is the percent-encoding check's to name; other characters are ASCII or were sent
                // raw, and count as themselves.
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A path segment percent-decoded as UTF-8 (a plus stays a plus); null when its escapes are broken. */
    private static @Nullable String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The query's parameter separators: the framework's decoder splits at ';' as at '&'. */
    private static int separators(String query) {
        int n = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '&' || c == ';') {
                n++;
            }
        }
        return n;
    }

    /** C0 controls and DEL; a header may contain a tab (it is whitespace there). */
    static boolean hasControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** A name fit to echo in a problem: control characters dropped, at most 60 characters. */
    private static String printable(String name) {
        String clean = name.codePoints().filter(c -> c >= 0x20 && c != 0x7F)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    private static MutableHttpResponse<?> refuse(String field, String detail) {
        return BadInput.response(HttpStatus.BAD_REQUEST, field, field + ": " + detail);
    }
}
