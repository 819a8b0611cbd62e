package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class LiveHealthTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theGatewayStaysUpWithoutTheChangeFeedAndSaysSoInTheDetails() {
        HttpResponse<String> r = new GatewayHttp(server.getURI()).get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"liveUpdates\"").contains("\"following\":false");
    }
}
