package campus.helpdesk.gateway.session;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

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
    void aSignedExpiryAYearAwayIsNoSession() throws Exception {
        // A replica configured with a longer lifetime (a rolling update) signs sessions this one still takes.
        assertThat(codec.decode(codec.encode(new Session("sid-1", "Ann", GatewayRole.STAFF,
                NOW.plus(Duration.ofDays(30)))))).isPresent();
        assertThat(codec.decode(codec.encode(new Session("sid-1", "Ann", GatewayRole.STAFF,
                NOW.plus(Duration.ofDays(400)))))).isEmpty();
        assertThat(codec.decode(codec.encode(new Session("sid-1", "Ann", GatewayRole.STAFF, Instant.MAX)))).isEmpty();
        // Past the last Instant, and past a long: signed as the codec signs.
        for (String expiry : new String[] {"31556889864403200", String.valueOf(Long.MAX_VALUE)}) {
            byte[] payload = ("v2|STAFF|" + expiry + "|sid-1|Ann").getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String cookie = base64.encodeToString(payload) + "." + base64.encodeToString(mac.doFinal(payload));
            assertThat(codec.decode(cookie)).as(expiry).isEmpty();
        }
    }

    @Test
    void garbageIsNoSession() {
        assertThat(codec.decode("not-a-cookie")).isEmpty();
        assertThat(codec.decode("a.b.c")).isEmpty();
        assertThat(codec.decode("")).isEmpty();
        assertThat(codec.decode(null)).isEmpty();
    }
}
