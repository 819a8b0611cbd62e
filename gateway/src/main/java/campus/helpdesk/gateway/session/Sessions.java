package campus.helpdesk.gateway.session;

import campus.helpdesk.support.identity.Secrets;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs people in and out and reads the session of a request; the one place that knows the cookie. Created at
 * start ({@link Context}) so a missing or weak HELPDESK_SESSION_SECRET stops the gateway at once.
 */
@Context
public class Sessions {

    public static final String COOKIE = "helpdesk_session";
    static final String SECRET_VARIABLE = "HELPDESK_SESSION_SECRET";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionConfig config;
    private final SessionCodec codec;
    private final Clock clock = Clock.systemUTC();
    private final EndedSessions ended;

    public Sessions(SessionConfig config, EndedSessions ended) {
        this.config = config;
        this.ended = ended;
        byte[] secret = Secrets.require(SECRET_VARIABLE, config.getSecret()).getBytes(StandardCharsets.UTF_8);
        this.codec = new SessionCodec(secret, clock);
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
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(id), name.strip(), role,
                clock.instant().plus(config.getTtl()));
    }

    /** Ends the request's session: its cookie stops working and its live streams end, here and on every replica. */
    public void signOut(HttpRequest<?> request) {
        of(request).ifPresent(ended::end);
    }

    /**
     * Emits once when the session with this id signs out, or at once if it already has: a stream may be
     * subscribed to only after its sign-out (the browser's request and the sign-out race).
     */
    public Flux<String> signedOut(String sessionId) {
        return ended.endingOf(sessionId);
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
        return request.getCookies().findCookie(COOKIE).flatMap(c -> codec.decode(c.getValue()))
                .filter(session -> !ended.isEnded(session.id()));
    }

    /**
     * Whether the request carries a session cookie that no longer counts: signed with another secret (changed since),
     * expired, or signed out elsewhere. The UI says "your session has ended" rather than just asking for a sign-in.
     */
    public boolean ended(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).filter(c -> !c.getValue().isEmpty()).isPresent()
                && of(request).isEmpty();
    }

    public boolean secureCookie() {
        return config.isSecureCookie();
    }
}
