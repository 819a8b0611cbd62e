package campus.helpdesk.ticket.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;

/**
 * The SMTP settings, from HELPDESK_SMTP_* (Micronaut reads them as {@code helpdesk.smtp.*}). Without a host,
 * notifications are off: no outbox row is written (turning mail on later must not send a backlog of old news) and
 * the report form says so.
 */
@Singleton
public class MailSettings {

    private final @Nullable String host;
    private final int port;
    private final @Nullable String user;
    private final @Nullable String password;
    private final String from;
    private final boolean startTls;
    private final String publicUrl;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration retryCap;
    private final Duration lease;

    public MailSettings(@Value("${helpdesk.smtp.host:}") @Nullable String host,
                        @Value("${helpdesk.smtp.port:}") @Nullable String port,
                        @Value("${helpdesk.smtp.user:}") @Nullable String user,
                        @Value("${helpdesk.smtp.password:}") @Nullable String password,
                        @Value("${helpdesk.smtp.from:}") @Nullable String from,
                        @Value("${helpdesk.smtp.starttls:}") @Nullable String startTls,
                        @Value("${helpdesk.public-url:}") @Nullable String publicUrl,
                        @Value("${helpdesk.smtp.max-attempts:8}") int maxAttempts,
                        @Value("${helpdesk.smtp.retry-base:5s}") Duration retryBase,
                        @Value("${helpdesk.smtp.retry-cap:30m}") Duration retryCap,
                        @Value("${helpdesk.smtp.lease:2m}") Duration lease) {
        this.host = SettingValues.blankToNull(host);
        this.port = SettingValues.port("HELPDESK_SMTP_PORT", port, 25);
        this.user = SettingValues.blankToNull(user);
        this.password = password;
        this.from = SettingValues.blankToNull(from) == null ? "helpdesk@localhost" : from.strip();
        this.startTls = SettingValues.flag("HELPDESK_SMTP_STARTTLS", startTls, false);
        this.publicUrl = (SettingValues.blankToNull(publicUrl) == null ? "http://127.0.0.1:8080" : publicUrl.strip())
                .replaceAll("/+$", "");
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.retryCap = retryCap;
        this.lease = lease;
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

    public String from() {
        return from;
    }

    public boolean startTls() {
        return startTls;
    }

    /** Where people open the desk: the gateway, as the reporter's mail client will reach it. */
    public String publicUrl() {
        return publicUrl;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * How long to wait before the next try after {@code attempts} failed ones: doubling from the base, capped, so
     * an SMTP server that is down for an hour is asked a handful of times, not thousands.
     */
    public Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(retryCap) > 0 ? retryCap : wait;
    }

    /**
     * How long a claimed row stays another sender's: a sender that dies between claiming and marking leaves the
     * row to be sent again after this, with the same Message-ID.
     */
    public Duration lease() {
        return lease;
    }

    /** The domain of the From address, for Message-IDs and the reply address. */
    public String domain() {
        int at = from.lastIndexOf('@');
        return at >= 0 ? from.substring(at + 1).replace(">", "") : "localhost";
    }

    /**
     * The Reply-To of a ticket's notifications, with {@code {token}} for the ticket's reply token: the From
     * address plus-addressed ({@code helpdesk+t-TOKEN@campus.test}, display name kept), which mailboxes deliver to
     * the desk's own and which the intake reads back to find the ticket.
     */
    public String replyToTemplate() {
        try {
            InternetAddress address = new InternetAddress(from);
            String mailbox = address.getAddress();
            int at = mailbox.lastIndexOf('@');
            String plus = at < 0 ? mailbox + "+t-{token}"
                    : mailbox.substring(0, at) + "+t-{token}" + mailbox.substring(at);
            return address.getPersonal() == null ? plus
                    : new InternetAddress(plus, address.getPersonal(), "UTF-8").toString();
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            return from;
        }
    }

    /** The desk's own address, bare: mails from it are the desk's own and never read as a report. */
    public String fromAddress() {
        try {
            return new InternetAddress(from).getAddress();
        } catch (AddressException e) {
            return from;
        }
    }
}
