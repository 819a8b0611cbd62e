package campus.helpdesk.support.identity;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    @Test
    void aMissingShortOrPlaceholderSecretIsRefusedNamingTheVariable() {
        assertThat(Secrets.problem("HELPDESK_SERVICE_KEY", null)).startsWith("HELPDESK_SERVICE_KEY is missing");
        assertThat(Secrets.problem("HELPDESK_SERVICE_KEY", "  ")).startsWith("HELPDESK_SERVICE_KEY is missing");
        assertThat(Secrets.problem("K", "change-me")).startsWith("K is a placeholder");
        assertThat(Secrets.problem("K", "change-me-to-32-or-more-random-characters")).startsWith("K is a placeholder");
        assertThat(Secrets.problem("K", "secret")).startsWith("K is");
        assertThat(Secrets.problem("K", "a".repeat(64))).startsWith("K is a placeholder");
        assertThat(Secrets.problem("K", "Zq3-short-but-random")).startsWith("K is too short (20 bytes)");
    }

    @Test
    void aRandomSecretOfThirtyTwoBytesIsAccepted() {
        assertThat(Secrets.problem("K", "u0S8qX2rB7vLm4Wc9ZtEa1Hn6Gf3Jd5Y")).isNull();
        assertThat(Secrets.require("K", "u0S8qX2rB7vLm4Wc9ZtEa1Hn6Gf3Jd5Y")).isEqualTo("u0S8qX2rB7vLm4Wc9ZtEa1Hn6Gf3Jd5Y");
    }

    @Test
    void requireStopsTheStartWithTheReason() {
        assertThatThrownBy(() -> Secrets.require("HELPDESK_SESSION_SECRET", "changeme"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("HELPDESK_SESSION_SECRET");
    }
}
