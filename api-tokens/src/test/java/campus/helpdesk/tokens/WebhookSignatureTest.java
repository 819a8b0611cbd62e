package campus.helpdesk.tokens;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"title\":\"Boiler 3 pressure low\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesWhatOpensslComputes() {
        // printf '%s' '{"title":"Boiler 3 pressure low"}' | openssl dgst -sha256 -hmac hds_test
        assertThat(WebhookSignature.sign("hds_test", BODY))
                .isEqualTo("sha256=" + OPENSSL_HEX);
    }

    @Test
    void aSignatureVerifiesOnlyItsOwnBodyAndSecret() {
        String header = WebhookSignature.sign("hds_test", BODY);
        assertThat(WebhookSignature.verifies("hds_test", BODY, header)).isTrue();
        assertThat(WebhookSignature.verifies("hds_test", BODY, header.toUpperCase().replace("SHA256", "sha256")))
                .isTrue();
        byte[] tampered = BODY.clone();
        tampered[3] ^= 1;
        assertThat(WebhookSignature.verifies("hds_test", tampered, header)).isFalse();
        assertThat(WebhookSignature.verifies("hds_other", BODY, header)).isFalse();
    }

    @Test
    void malformedHeadersNeverVerify() {
        String hex = WebhookSignature.sign("hds_test", BODY).substring(7);
        for (String bad : new String[] {null, "", hex, "sha1=" + hex, "sha256=" + hex.substring(2), "sha256=zz"
                + hex.substring(2), "sha256=" + hex + "00"}) {
            assertThat(WebhookSignature.verifies("hds_test", BODY, bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    private static final String OPENSSL_HEX = "11012f28dd3ebaf596c3cf224e6dab6fd28b276d99f6f2be7daf4db7daf30e3d";
}
