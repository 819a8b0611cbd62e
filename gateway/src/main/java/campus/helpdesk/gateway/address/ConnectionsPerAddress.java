package campus.helpdesk.gateway.address;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code helpdesk.connections.max-per-address} (600) connections open at once from one client address; one
 * more is closed as it arrives, before it costs a request (so without a 429: there is no request to answer yet). A
 * connection that sends nothing costs a socket and nothing else, so every other limit (per session, per request)
 * let one client hold 20,000 of them, all the descriptors the gateway had: it answered nobody, not even its health
 * check, and was restarted into the same flood (found by a tester). 600 is ten for each of the 60 live pages one
 * address may hold: a browser keeps up to six connections to a site besides its live stream, and a building behind
 * one address must not run out before its live pages do. This machine and trusted proxies are not counted, and an
 * IPv6 address counts alone ({@link ClientAddresses#countedConnection}); 0 turns the limit off.
 */
@Singleton
public class ConnectionsPerAddress implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private static final Duration SAID_EVERY = Duration.ofMinutes(1);

    private final int max;
    private final ClientAddresses addresses;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSaid = new ConcurrentHashMap<>();

    public ConnectionsPerAddress(@Value("${helpdesk.connections.max-per-address:600}") int max,
                                 ClientAddresses addresses) {
        this.max = max;
        this.addresses = addresses;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        if (max > 0) {
            event.getBean().register(new NettyServerCustomizer() {
                @Override
                public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                    if (role == ChannelRole.CONNECTION) {
                        admit(channel);
                    }
                    return this;
                }
            });
        }
        return event.getBean();
    }

    /** Counts a new connection under its address until it closes; closes it at once past the limit. */
    void admit(Channel channel) {
        if (!(channel.remoteAddress() instanceof InetSocketAddress peer) || peer.getAddress() == null) {
            return;
        }
        Optional<String> counted = addresses.countedConnection(peer.getAddress());
        if (counted.isEmpty()) {
            return;
        }
        String key = counted.get();
        int now = open.merge(key, 1, Integer::sum);
        channel.closeFuture().addListener(closed -> open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1));
        if (now > max) {
            say(key);
            channel.close();
        }
    }

    /** How many connections from this address are open now (0 when none or not counted). */
    int openFrom(String counted) {
        return open.getOrDefault(counted, 0);
    }

    private void say(String key) {
        long now = System.nanoTime();
        Long before = lastSaid.get(key);
        if (before == null || now - before > SAID_EVERY.toNanos()) {
            lastSaid.put(key, now);
            if (lastSaid.size() > 10_000) {
                lastSaid.clear();
            }
            LOG.warn("{} holds {} connections, the most one address may (HELPDESK_CONNECTIONS_PER_ADDRESS): further "
                    + "ones are closed as they arrive. A reverse proxy in front? Name it in HELPDESK_TRUSTED_PROXIES.",
                    key, max);
        }
    }
}
