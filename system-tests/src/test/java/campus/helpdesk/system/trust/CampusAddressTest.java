package campus.helpdesk.system.trust;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.system.fuzz.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service listening on loopback refuses a request whose {@code Origin} names another host: a web page open in a
 * browser on this machine cannot call it (Micronaut's guard for local servers). It is also why the gateway never
 * passes a browser's Origin on (ProxyTest): a campus desk's pages come from its network address, and with that
 * Origin forwarded every write they made was this refusal, an empty 403 (found by a tester on a desk started with
 * {@code --listen}).
 */
class CampusAddressTest {

    @Test
    void aServiceOnLoopbackRefusesAPageFromAnotherHostAndAnswersWithoutOne() {
        URI tickets = SharedSuite.uri(Service.TICKET_SERVICE);
        RawHttp.Answer fromAPage = RawHttp.send(tickets, new RawHttp.Request("GET", "/health",
                List.<String[]>of(new String[]{"Origin", "http://campus.example.edu"}), null));
        assertThat(fromAPage.status()).isEqualTo(403);
        RawHttp.Answer fromTheGateway = RawHttp.send(tickets, new RawHttp.Request("GET", "/health", List.of(), null));
        assertThat(fromTheGateway.status()).isEqualTo(200);
    }
}
