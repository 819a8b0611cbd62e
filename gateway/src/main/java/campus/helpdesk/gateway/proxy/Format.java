package campus.helpdesk.gateway.proxy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

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
