package campus.helpdesk.ticket.mailintake;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The mailbox of the email intake, from HELPDESK_IMAP_* ({@code helpdesk.imap.*}). Without a host nothing is polled.
 * TLS is on unless told otherwise: a mailbox password should not cross the network in clear.
 */
@Singleton
public class ImapSettings {

    private final @Nullable String host;
    private final int port;
    private final @Nullable String user;
    private final @Nullable String password;
    private final boolean tls;

    public ImapSettings(@Value("${helpdesk.imap.host:}") @Nullable String host,
                        @Value("${helpdesk.imap.port:}") @Nullable String port,
                        @Value("${helpdesk.imap.user:}") @Nullable String user,
                        @Value("${helpdesk.imap.password:}") @Nullable String password,
                        @Value("${helpdesk.imap.tls:}") @Nullable String tls) {
        this.host = blankToNull(host);
        this.tls = blankToNull(tls) == null || parseBoolean(tls.strip());
        this.port = blankToNull(port) == null ? (this.tls ? 993 : 143) : parsePort(port.strip());
        this.user = blankToNull(user);
        this.password = password;
    }

    public boolean enabled() {
        return host != null;
    }

    public @Nullable String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public @Nullable String user() {
        return user;
    }

    public @Nullable String password() {
        return password;
    }

    public boolean tls() {
        return tls;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("HELPDESK_IMAP_PORT must be a port number (1-65535), not '" + value + "'");
    }

    private static boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("HELPDESK_IMAP_TLS must be true or false, not '" + value + "'");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
