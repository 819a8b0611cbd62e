package campus.helpdesk.gateway.security;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a state-changing request comes from our own pages. Browsers send {@code Origin} on every
 * cross-site POST; {@code Referer} is the fallback. A request with neither is not from a browser page (curl,
 * a service), and the SameSite=Strict cookie already keeps other sites' sessions out, so it passes.
 */
public final class OriginCheck {

    private final Set<String> allowedOrigins;

    public OriginCheck(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean allows(@Nullable String origin, @Nullable String referer, @Nullable String host) {
        String source = origin != null ? origin : referer;
        if (source == null) {
            return true;
        }
        try {
            URI uri = URI.create(source.trim());
            if (uri.getScheme() == null || uri.getAuthority() == null) {
                return false; // "null" origins (sandboxed frames, file:) are foreign.
            }
            String given = uri.getScheme() + "://" + uri.getAuthority();
            String sourceOrigin = given.toLowerCase(Locale.ROOT);
            if (origin != null && !given.equals(sourceOrigin)) {
                // Browsers write an Origin in lower case; the framework's CORS check then refused "LOCALHOST" with
                // an empty 403, so it is refused here, with a problem, instead.
                return false;
            }
            return allowedOrigins.contains(sourceOrigin)
                    || (host != null && uri.getAuthority().equalsIgnoreCase(host.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
