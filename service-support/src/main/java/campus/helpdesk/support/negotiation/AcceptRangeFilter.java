package campus.helpdesk.support.negotiation;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an Accept header's media ranges with a wildcard subtype ({@code application/*}, {@code text/*;q=0.5}) as
 * the types of that kind the services answer in, before a route is chosen. The framework compares an Accept
 * header's types with a route's whole, so {@code application/*}, which every JSON answer satisfies (RFC 9110,
 * 12.5.1), was refused with a 406, and {@code text/*} could not ask an analytics answer for its CSV. A range of
 * another kind ({@code image/*}) is left as it is, and so is {@code *}{@code /*}, which the framework understands.
 * A range refused with {@code q=0} is not widened, a type the header names itself keeps the client's own weight, and
 * a header the widening would make longer than {@link #MAX_LENGTH} stays as it came: the gateway forwards the
 * header it read, and a service must not refuse as too large what the gateway let through.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AcceptRangeFilter {

    /** What the services answer in, by the type before the slash. */
    static final Map<String, List<String>> ANSWERED = Map.of(
            "application", List.of("application/json"),
            "text", List.of("text/csv", "text/event-stream", "text/plain"));

    /** The longest header the widening writes; a longer result leaves the header as it came. */
    static final int MAX_LENGTH = 1024;

    private static final Pattern WILDCARD_SUBTYPE = Pattern.compile("([a-z0-9!#$&^_.+-]+)/\\*");
    private static final Pattern REFUSED = Pattern.compile(";\\s*q\\s*=\\s*0(\\.0{0,3})?\\s*(;|$)");

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

    /**
     * The header with each wildcard range of a kind in {@link #ANSWERED} written as its types, with its parameters;
     * the header unchanged when that would be longer than {@link #MAX_LENGTH}.
     */
    static String concrete(String header) {
        List<String> ranges = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (String range : header.split(",")) {
            String trimmed = range.strip();
            if (!trimmed.isEmpty()) {
                ranges.add(trimmed);
                named.add(media(trimmed));
            }
        }
        Set<String> written = new LinkedHashSet<>();
        for (String range : ranges) {
            String media = media(range);
            int semicolon = range.indexOf(';');
            String parameters = semicolon < 0 ? "" : range.substring(semicolon);
            var wildcard = WILDCARD_SUBTYPE.matcher(media);
            List<String> types = wildcard.matches() && !REFUSED.matcher(parameters.toLowerCase(Locale.ROOT)).find()
                    ? ANSWERED.get(wildcard.group(1)) : null;
            if (types == null) {
                written.add(range);
            } else {
                types.stream().filter(type -> !named.contains(type)).forEach(type -> written.add(type + parameters));
            }
        }
        String concrete = String.join(", ", written);
        return concrete.length() > MAX_LENGTH ? header : concrete;
    }

    /** The range's type and subtype, lower case, without its parameters. */
    private static String media(String range) {
        int semicolon = range.indexOf(';');
        return (semicolon < 0 ? range : range.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
