package campus.helpdesk.gateway.address;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limits leave this machine's own connections alone (its operator, its scripts, its tests), and a
 * client's X-Forwarded-For is no one's word when no proxy is trusted.
 */
@MicronautTest
@Property(name = "helpdesk.session.sign-ins-per-address", value = "2")
class ThisMachineIsNotCountedTest {

    @Inject
    EmbeddedServer server;

    @Test
    void signInsFromThisMachineAreNotCountedWhateverTheirHeaderSays() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/session", "{\"name\":\"Local\",\"role\":\"STUDENT\"}", "X-Forwarded-For",
                    "203.0.113.9").statusCode()).isEqualTo(200);
        }
    }
}
