package campus.helpdesk.gateway.session;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP, in a context of its own so that its wrong codes count against nobody else's test. */
@MicronautTest
@Property(name = "helpdesk.session.staff-code", value = "boiler-7")
class StaffCodeThrottleTest {

    @Inject
    EmbeddedServer server;

    @Test
    void afterFiveWrongCodesAMinuteEvenTheRightCodeWaitsWithRetryAfter() {
        GatewayHttp http = new GatewayHttp(server.getURI());
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            assertThat(http.post("/api/session", "{\"name\":\"Eve" + i + "\",\"role\":\"STAFF\",\"staffCode\":\"x"
                    + i + "\"}").statusCode()).isEqualTo(403);
        }
        HttpResponse<String> limited = http.post("/api/session",
                "{\"name\":\"Sam\",\"role\":\"STAFF\",\"staffCode\":\"boiler-7\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(limited.headers().firstValue("Set-Cookie")).isEmpty();
        // Students need no code, so the limit never keeps them out.
        assertThat(http.post("/api/session", "{\"name\":\"Stu\",\"role\":\"STUDENT\"}").statusCode()).isEqualTo(200);
    }
}
