package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import reactor.core.publisher.Mono;
import java.util.Map;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class LiveHealthTest {

    @Inject
    EmbeddedServer server;
    @Inject
    LiveFeedHealth health;

    @Test
    void theGatewayStaysUpWithoutTheChangeFeedAndSaysSoInTheDetails() {
        HealthResult result = Mono.from(health.getResult()).block();
        assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(((Map<?, ?>) result.getDetails()).get("following")).isEqualTo(false);
    }

    @Test
    void itsPublicHealthSaysUpAndNothingAboutWhatIsBehindIt() {
        HttpResponse<String> r = new GatewayHttp(server.getURI()).get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
