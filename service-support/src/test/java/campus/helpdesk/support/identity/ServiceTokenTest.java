package campus.helpdesk.support.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A service with Micronaut Security and the shared key set-up, called over real HTTP. */
@MicronautTest
class ServiceTokenTest {

    static final String KEY = "support-tests-service-key-7d2e9b4a1c8f3e6d0b5a";
    static final String OTHER_KEY = "another-deployments-key-3f8a1c6e9b2d7f4a0c5e";

    @Inject
    EmbeddedServer server;
    @Inject
    ServiceTokens tokens;

    @Test
    void aTokenMintedForThisServiceInAnAllowedRoleGetsIn() throws Exception {
        HttpResponse<String> r = call("Bearer " + tokens.mint("Łukasz", ServiceRoles.STAFF, "support-tests"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Łukasz");
    }

    @Test
    void noTokenOrBareIdentityHeadersAre401Problem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(server.getURI().resolve("/whoami"))
                .header("X-Helpdesk-Role", "STAFF").header("X-Helpdesk-User", "Mallory").build());
        assertUnauthorized(r);
    }

    @Test
    void aForgedExpiredOrOtherKeysTokenIs401() throws Exception {
        Instant now = Instant.now();
        assertUnauthorized(call("Bearer " + sign(OTHER_KEY, "support-tests", now.plusSeconds(60))));
        assertUnauthorized(call("Bearer " + sign(KEY, "support-tests", now.minusSeconds(5))));
        String good = tokens.mint("Sam", ServiceRoles.STAFF, "support-tests");
        String tampered = good.substring(0, good.lastIndexOf('.') - 4) + "AAAA" + good.substring(good.lastIndexOf('.'));
        assertUnauthorized(call("Bearer " + tampered));
        assertUnauthorized(call("Bearer not-a-jwt"));
        assertUnauthorized(call("Basic c3RhZmY6c3RhZmY="));
    }

    @Test
    void aTokenWithoutAnExpiryOrOneLongerLivedThanTheServicesMintIs401() throws Exception {
        assertThat(call("Bearer " + sign(KEY, "support-tests", Instant.now().plusSeconds(110))).statusCode())
                .as("a token as services mint it").isEqualTo(200);
        assertUnauthorized(call("Bearer " + sign(KEY, "support-tests", null)));
        assertUnauthorized(call("Bearer " + sign(KEY, "support-tests", Instant.now().plus(Duration.ofDays(365)))));
    }

    @Test
    void mintedTokensAreSignedWithTheServiceKeyAndUnsignedOnesAreRefused() throws Exception {
        SignedJWT minted = SignedJWT.parse(tokens.mint("Sam", ServiceRoles.STAFF, "support-tests"));
        assertThat(minted.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(minted.verify(new MACVerifier(KEY.getBytes(StandardCharsets.UTF_8)))).isTrue();
        String unsigned = new PlainJWT(minted.getJWTClaimsSet()).serialize();
        assertUnauthorized(call("Bearer " + unsigned));
    }

    @Test
    void aTokenMintedForAnotherServiceIs401() throws Exception {
        assertUnauthorized(call("Bearer " + tokens.mint("Sam", ServiceRoles.STAFF, "ticket-service")));
        assertUnauthorized(call("Bearer " + sign(KEY, null, Instant.now().plusSeconds(60))));
    }

    @Test
    void aFollowersTokenIsForbiddenWhereStaffAreNeeded() throws Exception {
        HttpResponse<String> r = call("Bearer " + tokens.mint("analytics", ServiceRoles.FEED, "support-tests"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void tokensLiveTwoMinutes() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.mint("Sam", ServiceRoles.STAFF, "x")).getJWTClaimsSet();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(120_000L);
    }

    static void assertUnauthorized(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("service token").doesNotContain("Exception");
    }

    static String sign(String key, String audience, Instant expiry) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("Mallory")
                .claim("roles", List.of(ServiceRoles.STAFF)).issueTime(new Date());
        if (expiry != null) {
            claims.expirationTime(Date.from(expiry));
        }
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private HttpResponse<String> call(String authorization) throws Exception {
        return send(HttpRequest.newBuilder(server.getURI().resolve("/whoami"))
                .header("Authorization", authorization).build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
