package campus.helpdesk.gateway.session;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code helpdesk.session.*}: secret and staff code come from HELPDESK_SESSION_SECRET / HELPDESK_STAFF_CODE. */
@ConfigurationProperties("helpdesk.session")
public class SessionConfig {
    private String secret = "";
    private String staffCode = "";
    private Duration ttl = Duration.ofHours(12);
    private boolean secureCookie;

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret == null ? "" : secret;
    }

    public String getStaffCode() {
        return staffCode;
    }

    public void setStaffCode(String staffCode) {
        this.staffCode = staffCode == null ? "" : staffCode;
    }

    public boolean staffCodeRequired() {
        return !staffCode.isBlank();
    }

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl;
    }

    public boolean isSecureCookie() {
        return secureCookie;
    }

    public void setSecureCookie(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }
}
