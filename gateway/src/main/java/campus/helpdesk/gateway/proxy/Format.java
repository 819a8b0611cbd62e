package campus.helpdesk.gateway.proxy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code ?format=csv} or {@code ?format=json}: what a download link, which cannot set Accept, asks for instead. The
 * gateway turns it into the Accept header the services read. Left out or empty, the client's own Accept decides.
 */
final class Format {

    static final String PARAMETER = "format";
    static final String REFUSAL = "format: csv or json, or leave it out (the Accept header then decides)";

    private Format() {
    }

    /** Whether one {@code name=value} part of a raw query is this parameter, however its name is encoded. */
    static boolean isIt(String part) {
        int equals = part.indexOf('=');
        String name = equals < 0 ? part : part.substring(0, equals);
        try {
            return PARAMETER.equals(URLDecoder.decode(name, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The Accept header to send on: empty for the client's own, null for a format no answer comes in. */
    static @Nullable String accept(HttpRequest<?> request) {
        String format = request.getParameters().get(PARAMETER);
        if (format == null || format.isEmpty()) {
            return "";
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> "text/csv";
            case "json" -> "application/json";
            default -> null;
        };
    }
}
