package campus.helpdesk.gateway.session;

import campus.helpdesk.support.identity.Secrets;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Sessions signed out before their expiry, until then; the cookie alone would still verify. */
    private final Map<String, Instant> signedOut = new ConcurrentHashMap<>();
    private final Sinks.Many<String> signOuts = Sinks.many().multicast().directBestEffort();

    public Sessions(SessionConfig config) {
        this.config = config;
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

    /** Ends the request's session everywhere in this gateway: its cookie stops working and its live streams end. */
    public void signOut(HttpRequest<?> request) {
        of(request).ifPresent(session -> {
            Instant now = clock.instant();
            signedOut.values().removeIf(expiry -> expiry.isBefore(now));
            signedOut.put(session.id(), session.expiresAt());
            // Two sign-outs on two event loops at once: retry rather than drop one (its streams would go on).
            signOuts.emitNext(session.id(), Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        });
    }

    /**
     * Emits once when the session with this id signs out, or at once if it already has: a stream may be
     * subscribed to only after its sign-out (the browser's request and the sign-out race).
     */
    public Flux<String> signedOut(String sessionId) {
        // Listen first, then look: a sign-out between the two is caught by the listener.
        return Flux.merge(signOuts.asFlux().filter(sessionId::equals),
                        Mono.fromCallable(() -> signedOut.containsKey(sessionId) ? sessionId : null))
                .take(1);
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
                .filter(session -> !signedOut.containsKey(session.id()));
    }

    public boolean secureCookie() {
        return config.isSecureCookie();
    }
}
