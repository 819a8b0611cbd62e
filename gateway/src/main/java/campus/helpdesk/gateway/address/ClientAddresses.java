package campus.helpdesk.gateway.address;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which address a request comes from, for the limits that hold per address: sign-ins are free and sessions cost
 * nothing to make, so a limit per session alone let one client take every live page and every upload place. It is
 * the connection's peer, unless that peer is a proxy named in {@code helpdesk.trusted-proxies} (addresses or CIDR
 * blocks: an Ingress controller's pods, a reverse proxy); then it is the nearest address in {@code X-Forwarded-For}
 * that is not one of them (only a trusted proxy's own word is taken: anyone can write the header). A connection from
 * this machine that no trusted proxy made (its operator, its tests) is not counted; an IPv6 client is counted by its
 * /64, the block one host may pick addresses from at will.
 */
@Singleton
public class ClientAddresses {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAddresses.class);

    private final List<Block> trusted;
    private final AtomicBoolean toldOfProxyOnly = new AtomicBoolean();

    public ClientAddresses(@Value("${helpdesk.trusted-proxies:}") List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String given : trustedProxies) {
            if (!given.isBlank()) {
                blocks.add(Block.parse(given.strip()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /** The client's address as text, this machine's too (the staff code's throttle counts every try). */
    public String clientOf(HttpRequest<?> request) {
        return addressOf(request).getHostAddress();
    }

    /** What the per-address limits count a request under; empty for this machine's own connections. */
    public Optional<String> countedAs(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (peer.isLoopbackAddress() && !isTrusted(peer)) {
            return Optional.empty();
        }
        return Optional.of(counted(addressOf(request)));
    }

    /**
     * What the connection limit counts a connection from {@code peer} under, before any request says who it is for:
     * empty for this machine and for a trusted proxy, whose connections carry everyone's requests. Each address
     * counts alone, an IPv6 one too: a campus network's /64 is a whole segment of devices, which a limit answered
     * with a closed connection (not a 429) would cut off together.
     */
    public Optional<String> countedConnection(InetAddress peer) {
        if (peer.isLoopbackAddress() || isTrusted(peer)) {
            return Optional.empty();
        }
        return Optional.of(peer.getHostAddress());
    }

    private InetAddress addressOf(HttpRequest<?> request) {
        return clientOf(request.getRemoteAddress().getAddress(), request.getHeaders().getAll("X-Forwarded-For"));
    }

    /** The client behind {@code peer}, from the X-Forwarded-For headers it sent (in their order). */
    InetAddress clientOf(InetAddress peer, List<String> forwarded) {
        if (!isTrusted(peer)) {
            return peer;
        }
        InetAddress nearest = peer;
        for (int h = forwarded.size() - 1; h >= 0; h--) {
            String[] hops = forwarded.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(withoutPort(hops[i].strip()));
                // What a proxy could not have written (a name, this machine, a link's own address): the nearest
                // address read so far stands.
                if (hop.isEmpty() || hop.get().isLoopbackAddress() || hop.get().isAnyLocalAddress()
                        || hop.get().isLinkLocalAddress()) {
                    return nearest;
                }
                nearest = hop.get();
                if (!isTrusted(nearest)) {
                    return nearest;
                }
            }
        }
        if (!trusted.isEmpty() && toldOfProxyOnly.compareAndSet(false, true)) {
            LOG.warn("A request came through trusted proxies only ({}): every client it stands for shares its "
                    + "per-address limits. Does the proxy write X-Forwarded-For?", nearest.getHostAddress());
        }
        return nearest;
    }

    private boolean isTrusted(InetAddress address) {
        for (Block block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv6 address as its /64 (one host's block), any other as itself. */
    static String counted(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        for (int i = 8; i < 16; i++) {
            bytes[i] = 0;
        }
        return NetUtil.bytesToIpAddress(bytes) + "/64";
    }

    /** {@code 203.0.113.5:51234} and {@code [2001:db8::1]:443} as some proxies write them, without the port. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    /** An IP address written as one, never a name: Netty's parser looks nothing up (InetAddress would ask DNS). */
    private static Optional<InetAddress> literal(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address, or a block of them written {@code 10.0.0.0/8}. */
    record Block(byte[] network, int bits) {

        static Block parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "helpdesk.trusted-proxies: '" + text + "' is not an IP address or a block such as 10.0.0.0/8"));
            int max = parsed.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("helpdesk.trusted-proxies: '" + text + "' has a prefix length "
                        + "outside 0-" + max);
            }
            return new Block(parsed.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
