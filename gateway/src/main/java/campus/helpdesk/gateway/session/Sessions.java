package campus.helpdesk.gateway.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** Signs people in and reads the session of a request; the one place that knows the cookie. */
@Singleton
public class Sessions {

    public static final String COOKIE = "helpdesk_session";
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final SessionConfig config;
    private final SessionCodec codec;
    private final Clock clock = Clock.systemUTC();

    public Sessions(SessionConfig config) {
        this.config = config;
        this.codec = new SessionCodec(secret(config), clock);
    }

    private static byte[] secret(SessionConfig config) {
        if (!config.getSecret().isBlank()) {
            return config.getSecret().getBytes(StandardCharsets.UTF_8);
        }
        LOG.warn("HELPDESK_SESSION_SECRET is not set: using a random secret, so sessions end when the gateway "
                + "restarts and replicas do not share them");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    public boolean staffCodeRequired() {
        return config.staffCodeRequired();
    }

    /** Whether this person may take this role: privileged roles need the code when one is configured. */
    public boolean mayTake(GatewayRole role, String staffCode) {
        if (!role.privileged() || !config.staffCodeRequired()) {
            return true;
        }
        byte[] given = (staffCode == null ? "" : staffCode).getBytes(StandardCharsets.UTF_8);
        // Constant time, so the code cannot be guessed character by character from response times.
        return MessageDigest.isEqual(config.getStaffCode().getBytes(StandardCharsets.UTF_8), given);
    }

    public Session start(String name, GatewayRole role) {
        return new Session(name.strip(), role, clock.instant().plus(config.getTtl()));
    }

    public Cookie cookie(Session session) {
        return base(codec.encode(session)).maxAge(config.getTtl());
    }

    public Cookie expiredCookie() {
        return base("").maxAge(0);
    }

    private Cookie base(String value) {
        return Cookie.of(COOKIE, value).httpOnly(true).sameSite(SameSite.Strict).path("/")
                .secure(config.isSecureCookie());
    }

    public Optional<Session> of(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).flatMap(c -> codec.decode(c.getValue()));
    }
}
