package campus.helpdesk.support.identity;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;

import static campus.helpdesk.support.identity.ServiceTokenTest.KEY;
import static campus.helpdesk.support.identity.ServiceTokenTest.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** While a key rotates, tokens signed with either key are accepted; new ones are signed with the current key. */
@MicronautTest
@Property(name = "helpdesk.service-key-rotating", value = OTHER_KEY)
class KeyRotationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void tokensOfTheRotatingKeyAreAcceptedToo() throws Exception {
        for (String key : new String[] {KEY, OTHER_KEY}) {
            String token = ServiceTokenTest.sign(key, "support-tests", Instant.now().plusSeconds(60));
            var r = ServiceTokenTest.send(HttpRequest.newBuilder(server.getURI().resolve("/whoami"))
                    .header("Authorization", "Bearer " + token).build());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        String third = ServiceTokenTest.sign("a-third-key-nobody-configured-9c1e5a7b3d", "support-tests",
                Instant.now().plusSeconds(60));
        ServiceTokenTest.assertUnauthorized(ServiceTokenTest.send(HttpRequest.newBuilder(
                server.getURI().resolve("/whoami")).header("Authorization", "Bearer " + third).build()));
    }

    @Test
    void aServiceWithAPlaceholderOrShortKeyDoesNotStart() {
        for (String bad : new String[] {"change-me", "", "too-short-0123456789"}) {
            assertThatThrownBy(() -> ApplicationContext.run(Map.of("helpdesk.service-key", bad,
                    "micronaut.server.port", -1)).close())
                    .hasStackTraceContaining("HELPDESK_SERVICE_KEY");
        }
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("helpdesk.service-key-rotating", "change-me",
                "micronaut.server.port", -1)).close())
                .hasStackTraceContaining("HELPDESK_SERVICE_KEY_ROTATING");
    }
}
