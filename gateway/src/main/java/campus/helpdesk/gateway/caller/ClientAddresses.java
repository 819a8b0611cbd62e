package campus.helpdesk.gateway.caller;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which address a request comes from, for the limits that hold per address: sign-ins are free and sessions cost
 * nothing to make, so a limit per session alone let one client take every live page and every upload place. It is
 * the connection's peer, unless that peer is a proxy named in {@code helpdesk.trusted-proxies} (addresses or CIDR
 * blocks: an Ingress, a reverse proxy); then it is the nearest address in {@code X-Forwarded-For} that is not one
 * of them (only a trusted proxy's own word is taken: anyone can write the header). Requests from this machine
 * itself (loopback: its operator, its tests, a proxy on the same host that is not named) are not limited.
 */
@Singleton
public class ClientAddresses {

    // Shapes that InetAddress reads as literals without asking DNS: a name would be looked up, on every request.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]{1,44}");

    private final List<Block> trusted;

    public ClientAddresses(@Value("${helpdesk.trusted-proxies:}") List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String given : trustedProxies) {
            if (!given.isBlank()) {
                blocks.add(Block.parse(given.strip()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /** The address the per-address limits count under; empty for this machine itself, which they leave alone. */
    public Optional<String> limitedOf(HttpRequest<?> request) {
        InetAddress address = addressOf(request);
        return address.isLoopbackAddress() ? Optional.empty() : Optional.of(address.getHostAddress());
    }

    /** The client's address as text, this machine's too (the staff code's throttle counts every try). */
    public String of(HttpRequest<?> request) {
        return addressOf(request).getHostAddress();
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
                Optional<InetAddress> hop = literal(hops[i].strip());
                if (hop.isEmpty()) {
                    // What a proxy could not have written: the nearest address read so far stands.
                    return nearest;
                }
                nearest = hop.get();
                if (!isTrusted(nearest)) {
                    return nearest;
                }
            }
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

    /** An IP address written as digits, never a name to look up. */
    private static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(bare).matches() && !(bare.indexOf(':') >= 0 && IPV6.matcher(bare).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
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
