package campus.helpdesk.support.negotiation;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an Accept header's media ranges with a wildcard subtype ({@code application/*}, {@code text/*;q=0.5}) as
 * the types of that kind the services answer in, before a route is chosen. The framework compares an Accept
 * header's types with a route's whole, so {@code application/*}, which every JSON answer satisfies (RFC 9110,
 * 12.5.1), was refused with a 406, and {@code text/*} could not ask an analytics answer for its CSV. A range of
 * another kind ({@code image/*}) is left as it is, and so is {@code *}{@code /*}, which the framework understands.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AcceptRangeFilter {

    /** What the services answer in, by the type before the slash. */
    static final Map<String, List<String>> ANSWERED = Map.of(
            "application", List.of("application/json"),
            "text", List.of("text/csv", "text/event-stream", "text/plain"));

    private static final Pattern WILDCARD_SUBTYPE = Pattern.compile("([a-z0-9!#$&^_.+-]+)/\\*");

    @PreMatching
    @RequestFilter
    public void widen(MutableHttpRequest<?> request) {
        List<String> values = request.getHeaders().getAll(HttpHeaders.ACCEPT);
        if (values.isEmpty() || values.stream().noneMatch(v -> v.contains("/*"))) {
            return;
        }
        String header = String.join(", ", values);
        String concrete = concrete(header);
        if (!concrete.equals(header)) {
            request.getHeaders().set(HttpHeaders.ACCEPT, concrete);
        }
    }

    /** The header with each wildcard range of a kind in {@link #ANSWERED} written as its types, with its parameters. */
    static String concrete(String header) {
        List<String> ranges = new ArrayList<>();
        for (String range : header.split(",")) {
            String trimmed = range.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int semicolon = trimmed.indexOf(';');
            String media = (semicolon < 0 ? trimmed : trimmed.substring(0, semicolon)).strip()
                    .toLowerCase(Locale.ROOT);
            String parameters = semicolon < 0 ? "" : trimmed.substring(semicolon);
            var wildcard = WILDCARD_SUBTYPE.matcher(media);
            List<String> types = wildcard.matches() ? ANSWERED.get(wildcard.group(1)) : null;
            if (types == null) {
                ranges.add(trimmed);
            } else {
                types.forEach(type -> ranges.add(type + parameters));
            }
        }
        return String.join(", ", ranges);
    }
}
