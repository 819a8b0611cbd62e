package campus.helpdesk.support.negotiation;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.List;
import java.util.Locale;

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
        if (accept.stream().anyMatch(MediaTypeCaseFilter::hasUpperCase)) {
            StringBuilder lowered = new StringBuilder();
            for (String value : accept) {
                for (String range : value.split(",")) {
                    if (!range.isBlank()) {
                        lowered.append(lowered.isEmpty() ? "" : ", ").append(lowered(range.strip()));
                    }
                }
            }
            request.getHeaders().set(HttpHeaders.ACCEPT, lowered.toString());
        }
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && hasUpperCase(contentType)) {
            request.getHeaders().set(HttpHeaders.CONTENT_TYPE, lowered(contentType));
        }
    }

    /** The type and subtype of one media type or range in lower case, its parameters as they were. */
    static String lowered(String media) {
        int semicolon = media.indexOf(';');
        return semicolon < 0 ? media.toLowerCase(Locale.ROOT)
                : media.substring(0, semicolon).toLowerCase(Locale.ROOT) + media.substring(semicolon);
    }

    /** Whether the type and subtype of some media type in {@code value} has an upper-case letter. */
    private static boolean hasUpperCase(String value) {
        boolean inParameters = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';') {
                inParameters = true;
            } else if (c == ',') {
                inParameters = false;
            } else if (!inParameters && c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }
}
