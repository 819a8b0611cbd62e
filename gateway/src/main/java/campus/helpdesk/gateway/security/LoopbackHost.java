package campus.helpdesk.gateway.security;

import io.micronaut.core.annotation.Nullable;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A gateway that listens on loopback only (the default of {@code ./helpdesk up}) is reached by this machine's
 * browsers as {@code localhost} or a loopback address, and by nothing else. A request naming another host reached
 * it through a name that an attacker's DNS pointed at 127.0.0.1 after their page loaded (DNS rebinding): that page's
 * {@code Host} and {@code Origin} agree, so the Origin check alone would let it sign in and act. Such requests are
 * refused. A gateway serving a network (an address of its own, every interface) cannot know the names a campus
 * proxy forwards, and is not held to this (SECURITY.md).
 */
final class LoopbackHost {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean loopbackOnly;
    private final Set<String> alsoAllowed;

    /**
     * @param bindHost       the address the gateway listens on ({@code micronaut.server.host})
     * @param allowedOrigins origins allowed besides the gateway's own ({@code HELPDESK_ALLOWED_ORIGINS}): their
     *                       hosts are accepted too, for a name the operator mapped to loopback on purpose
     */
    LoopbackHost(@Nullable String bindHost, Set<String> allowedOrigins) {
        this.loopbackOnly = bindHost != null && !bindHost.isBlank() && isLoopbackLiteralOrLocalhost(bindHost.strip());
        this.alsoAllowed = allowedOrigins.stream().map(LoopbackHost::hostOf).filter(h -> h != null)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether a request with this {@code Host} header may be answered. */
    boolean allows(@Nullable String hostHeader) {
        if (!loopbackOnly || hostHeader == null) {
            return true; // No Host (HTTP/1.0): not a browser, which always sends one.
        }
        String host = withoutPort(hostHeader.strip().toLowerCase(Locale.ROOT));
        return isLoopbackLiteralOrLocalhost(host) || alsoAllowed.contains(host);
    }

    private static boolean isLoopbackLiteralOrLocalhost(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return false; // a name: never resolved here, so no DNS answer decides
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }

    private static @Nullable String hostOf(String origin) {
        try {
            String host = URI.create(origin.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
