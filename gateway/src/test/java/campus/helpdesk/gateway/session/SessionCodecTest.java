package campus.helpdesk.gateway.session;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final SessionCodec codec = new SessionCodec("secret".getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedSessionReadsBackWithNameRoleAndExpiry() {
        Session session = new Session("sid-1", "Zoë | O'Brien", GatewayRole.STAFF, NOW.plusSeconds(60));
        assertThat(codec.decode(codec.encode(session))).contains(session);
    }

    @Test
    void aChangedRoleInvalidatesTheSignature() {
        String cookie = codec.encode(new Session("sid-1", "Ann", GatewayRole.STUDENT, NOW.plusSeconds(60)));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))),
                StandardCharsets.UTF_8).replace("STUDENT", "STAFF");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + cookie.substring(cookie.indexOf('.'));
        assertThat(codec.decode(forged)).isEmpty();
    }

    @Test
    void anotherSecretDoesNotAcceptTheCookie() {
        String cookie = codec.encode(new Session("sid-1", "Ann", GatewayRole.STAFF, NOW.plusSeconds(60)));
        SessionCodec other = new SessionCodec("other".getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.decode(cookie)).isEmpty();
    }

    @Test
    void anExpiredSessionIsNoSession() {
        assertThat(codec.decode(codec.encode(new Session("sid-1", "Ann", GatewayRole.STAFF, NOW)))).isEmpty();
    }

    @Test
    void garbageIsNoSession() {
        assertThat(codec.decode("not-a-cookie")).isEmpty();
        assertThat(codec.decode("a.b.c")).isEmpty();
        assertThat(codec.decode("")).isEmpty();
        assertThat(codec.decode(null)).isEmpty();
    }
}
