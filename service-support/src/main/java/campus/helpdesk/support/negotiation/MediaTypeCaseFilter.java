package campus.helpdesk.support.negotiation;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.List;

/**
 * Writes the media types of {@code Accept} and {@code Content-Type} in lower case before a route is chosen. Types are
 * case-insensitive (RFC 9110, 8.3.1), but parts of the framework compare them as written: {@code Accept: TEXT/CSV}
 * chose the CSV route and then found no writer for it (a 500), and {@code Content-Type: MULTIPART/FORM-DATA} was
 * not read as a form. Only the type and subtype change: a parameter's value may be case-sensitive (a form's
 * {@code boundary}), so parameters stay as they came.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MediaTypeCaseFilter {

    @PreMatching
    @RequestFilter
    public void lowerCase(MutableHttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        List<String> accept = headers.getAll(HttpHeaders.ACCEPT);
        if (accept.stream().anyMatch(value -> !lowered(value).equals(value))) {
            request.getHeaders().set(HttpHeaders.ACCEPT,
                    String.join(", ", accept.stream().map(MediaTypeCaseFilter::lowered).toList()));
        }
        // Only a single Content-Type: one given twice is refused as such (ControlCharacterFilter), not merged here.
        List<String> contentType = headers.getAll(HttpHeaders.CONTENT_TYPE);
        if (contentType.size() == 1 && !lowered(contentType.getFirst()).equals(contentType.getFirst())) {
            request.getHeaders().set(HttpHeaders.CONTENT_TYPE, lowered(contentType.getFirst()));
        }
    }

    /**
     * {@code value} (one media type, or a list of ranges) with each type and subtype in lower case and everything
     * after a range's first {@code ;} as it came, quoted strings included (a comma inside quotes ends no range).
     */
    static String lowered(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean parameters = false;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    out.append(c).append(value.charAt(++i));
                    continue;
                }
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                parameters = true;
            } else if (c == ',') {
                parameters = false;
            } else if (!parameters && c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            out.append(c);
        }
        return out.toString();
    }
}
