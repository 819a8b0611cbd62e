package campus.helpdesk.gateway.address;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whose address a request is counted under: X-Forwarded-For is believed only as far as trusted proxies wrote it. */
class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1", "2001:db8::/32"));

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeaderSays() throws Exception {
        assertThat(client("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
        assertThat(client("203.0.113.5")).isEqualTo("203.0.113.5");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheNearestAddressNoneOfThemIs() throws Exception {
        assertThat(client("10.1.2.3", "198.51.100.7")).isEqualTo("198.51.100.7");
        // A client may write its own X-Forwarded-For: only what the proxies appended counts.
        assertThat(client("10.1.2.3", "1.1.1.1, 198.51.100.7, 10.9.9.9")).isEqualTo("198.51.100.7");
        assertThat(client("192.0.2.1", "1.1.1.1", "198.51.100.8,192.0.2.1")).isEqualTo("198.51.100.8");
        assertThat(client("2001:db8::1", "[2001:db8::2], 2a00:1450::5")).isEqualTo("2a00:1450:0:0:0:0:0:5");
        assertThat(client("10.1.2.3", "::ffff:198.51.100.9")).as("IPv4 written as IPv6").isEqualTo("198.51.100.9");
    }

    @Test
    void aPortSomeProxiesWriteIsNotPartOfTheAddress() throws Exception {
        assertThat(client("10.1.2.3", "198.51.100.7:5555, 10.2.2.2")).isEqualTo("198.51.100.7");
        assertThat(client("10.1.2.3", "[2a00:1450::5]:443")).isEqualTo("2a00:1450:0:0:0:0:0:5");
    }

    @Test
    void whatNoProxyWritesEndsTheWalkAtTheNearestAddressReadSoFar() throws Exception {
        assertThat(client("10.1.2.3", "198.51.100.7, evil.example")).isEqualTo("10.1.2.3");
        for (String bad : new String[] {"1.2.3", "999.1.1.1", "1.2.3.256", "localhost", "", "unknown"}) {
            assertThat(client("10.1.2.3", bad)).as(bad).isEqualTo("10.1.2.3");
        }
        // This machine and a link's own addresses are no client a proxy stands for: no way around the limits.
        for (String own : new String[] {"127.0.0.1", "::1", "0.0.0.0", "fe80::1", "169.254.1.1"}) {
            assertThat(client("10.1.2.3", "198.51.100.7, " + own)).as(own).isEqualTo("10.1.2.3");
        }
        assertThat(client("10.1.2.3")).as("no header: the proxy itself").isEqualTo("10.1.2.3");
    }

    @Test
    void anIpv6ClientIsCountedByItsBlockOf64() throws Exception {
        assertThat(ClientAddresses.counted(InetAddress.getByName("2a00:1450:4001:81c::200e")))
                .isEqualTo("2a00:1450:4001:81c::/64")
                .isEqualTo(ClientAddresses.counted(InetAddress.getByName("2a00:1450:4001:81c:1:2:3:4")));
        assertThat(ClientAddresses.counted(InetAddress.getByName("198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example"))).hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("0-32");
        assertThatThrownBy(() -> new ClientAddresses(List.of("999.0.0.1"))).hasMessageContaining("999.0.0.1");
    }

    private String client(String peer, String... forwarded) throws Exception {
        return addresses.clientOf(InetAddress.getByName(peer), List.of(forwarded)).getHostAddress();
    }
}
