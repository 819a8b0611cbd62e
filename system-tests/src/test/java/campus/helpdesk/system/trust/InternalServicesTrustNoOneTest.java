package campus.helpdesk.system.trust;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Around the gateway, straight at each internal service's port (what anyone on the same machine or network
 * segment could do): only a token signed with the deployment's service key, for that service, unexpired and in
 * an allowed role gets in.
 */
class InternalServicesTrustNoOneTest {

    private static final String OTHER_KEY = "a-key-from-some-other-deployment-5e1c9a7f3b";

    enum Internal {
        TICKET_SERVICE(Service.TICKET_SERVICE, "/api/tickets", "STAFF"),
        OPEN_PERIOD(Service.OPEN_PERIOD, "/api/analytics/open-period?hours=24", "ANALYST"),
        RESOLUTION_TIME(Service.RESOLUTION_TIME, "/api/analytics/resolution-time", "ANALYST"),
        CATEGORY(Service.CATEGORY, "/api/analytics/active-by-category", "STAFF");

        final Service service;
        final String path;
        final String role;

        Internal(Service service, String path, String role) {
            this.service = service;
            this.path = path;
            this.role = role;
        }
    }

    @ParameterizedTest
    @EnumSource(Internal.class)
    void onlyAGenuineTokenForThisServiceGetsIn(Internal target) throws Exception {
        String audience = target.service.module();
        String key = SharedSuite.SECRETS.serviceKey();
        Instant now = Instant.now();

        assertRefused(call(target, Map.of()), 401);
        assertRefused(call(target, Map.of("X-Helpdesk-Role", "STAFF", "X-Helpdesk-User", "Mallory")), 401);
        assertRefused(call(target, bearer(signed(OTHER_KEY, "Mallory", target.role, audience, now))), 401);
        assertRefused(call(target, bearer(signed(key, "Mallory", target.role, audience,
                now.minus(Duration.ofMinutes(5))))), 401);
        assertRefused(call(target, bearer(signed(key, "Mallory", target.role, "some-other-service", now))), 401);
        assertRefused(call(target, bearer(unsigned("Mallory", target.role, audience, now))), 401);

        GatewayClient.Answer genuine = call(target, bearer(signed(key, "Sam", target.role, audience, now)));
        assertThat(genuine.status()).as(genuine.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Internal.class)
    void aFollowersTokenReadsTheFeedAndNothingElse(Internal target) throws Exception {
        String key = SharedSuite.SECRETS.serviceKey();
        Map<String, String> follower = bearer(signed(key, "analytics-category", "FEED", target.service.module(),
                Instant.now()));
        assertRefused(call(target, follower), 403);
        if (target == Internal.TICKET_SERVICE) {
            URI base = SharedSuite.uri(Service.TICKET_SERVICE);
            assertRefused(GatewayClient.send(base.resolve("/api/tickets"), "POST",
                    Map.of("title", "Written by a follower", "description", "must not exist"), follower), 403);
            assertThat(GatewayClient.send(base.resolve("/api/changes?limit=1"), "GET", null, follower).status())
                    .isEqualTo(200);
        }
    }

    private static GatewayClient.Answer call(Internal target, Map<String, String> headers) {
        return GatewayClient.send(SharedSuite.uri(target.service).resolve(target.path), "GET", null, headers);
    }

    private static void assertRefused(GatewayClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static JWTClaimsSet claims(String subject, String role, String audience, Instant issued) {
        return new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of(role)).audience(audience)
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(2)))).build();
    }

    private static String signed(String key, String subject, String role, String audience, Instant issued)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(subject, role, audience, issued));
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String unsigned(String subject, String role, String audience, Instant issued) {
        return new PlainJWT(claims(subject, role, audience, issued)).serialize();
    }
}
