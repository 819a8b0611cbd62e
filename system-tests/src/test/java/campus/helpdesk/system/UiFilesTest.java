package campus.helpdesk.system;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.trust.GatewayClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's files as the gateway's jar serves them: each file, no folder as an empty page, no file under a name
 * with a control character in it.
 */
class UiFilesTest {

    private final URI gateway = SharedSuite.uri(Service.GATEWAY);

    @Test
    void filesAreServedAndTheirFoldersAre404Problems() {
        for (String path : List.of("/", "/js/app.js", "/css/app.css", "/i18n/en/common.json",
                "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")) {
            assertThat(get(path).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/js", "/js/", "/css/", "/i18n/", "/i18n/en/", "/webjars/chart.js/4.5.1/dist/",
                "/webjars/chart.js")) {
            GatewayClient.Answer folder = get(path);
            assertThat(folder.status()).as(path).isEqualTo(404);
            assertThat(folder.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void aFileNameWithAControlCharacterIsA400NotTheFile() {
        // The static resolver dropped the NUL and served the file, past a proxy's rule written for the real name.
        for (String path : List.of("/js/app.js%00", "/css%00/app.css", "/index.html%0a", "/css/app.css%01", "/%00")) {
            GatewayClient.Answer refused = get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    private GatewayClient.Answer get(String path) {
        return GatewayClient.send(gateway.resolve(path), "GET", null, Map.of());
    }
}
