package campus.helpdesk.gateway.session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a {@link Session} into a cookie value and back: {@code base64url(payload).base64url(HMAC-SHA256)}, with the
 * payload {@code v2|ROLE|expiryEpochSeconds|sessionId|name}. The name goes last because it is the only free text.
 * Nothing is stored on the server, so any gateway replica sharing the secret accepts the cookie.
 */
public final class SessionCodec {

    private static final String VERSION = "v2";
    private static final Duration LONGEST = Duration.ofDays(366);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public SessionCodec(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    public String encode(Session session) {
        String payload = VERSION + "|" + session.role() + "|" + session.expiresAt().getEpochSecond() + "|"
                + session.id() + "|" + session.name();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The session, or empty when the value is malformed, forged or expired. */
    public Optional<Session> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(value.substring(0, dot));
            byte[] signature = DECODER.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 5);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            Instant now = clock.instant();
            // Only a leaked secret signs an expiry a year away (a session lasts hours): one at the last Instant was a
            // 500 on every route, since the gateway works out how long a session has left. Not bound to the
            // configured lifetime, so that replicas told another one during a rolling update take each other's.
            if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST))) {
                return Optional.empty();
            }
            return Optional.of(new Session(parts[3], parts[4], GatewayRole.valueOf(parts[1]), expiresAt));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
