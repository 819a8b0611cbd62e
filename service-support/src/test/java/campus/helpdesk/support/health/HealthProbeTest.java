package campus.helpdesk.support.health;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class HealthProbeTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aServiceAnswering2xxIsHealthy() {
        assertThat(HealthProbe.isHealthy(server.getURL() + "/trace/seen", 2000)).isTrue();
    }

    @Test
    void anErrorStatusIsUnhealthy() {
        assertThat(HealthProbe.isHealthy(server.getURL() + "/no-such-path", 2000)).isFalse();
    }

    @Test
    void aPortNobodyListensOnIsUnhealthy() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(HealthProbe.isHealthy("http://127.0.0.1:" + port + "/health", 2000)).isFalse();
    }

    @Test
    void theDefaultUrlIsTheServicesOwnHealthOnHelpdeskPort() {
        assertThat(HealthProbe.defaultUrl("8083")).isEqualTo("http://127.0.0.1:8083/health");
        assertThat(HealthProbe.defaultUrl(null)).isEqualTo("http://127.0.0.1:8080/health");
    }
}
