package campus.helpdesk.ticket.mailintake;

import campus.helpdesk.ticket.mail.SettingValues;
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
        this.host = SettingValues.blankToNull(host);
        this.tls = SettingValues.flag("HELPDESK_IMAP_TLS", tls, true);
        this.port = SettingValues.port("HELPDESK_IMAP_PORT", port, this.tls ? 993 : 143);
        this.user = SettingValues.blankToNull(user);
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
}
