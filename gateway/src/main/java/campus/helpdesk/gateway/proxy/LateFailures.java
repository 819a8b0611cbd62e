package campus.helpdesk.gateway.proxy;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

/**
 * A service's failure that arrives after its request was answered: the proxy gave a hung service up after its read
 * timeout (a 504 already sent), and when the supervisor then kills it, the connection reset reaches nobody. Reactor
 * would log each one as an ERROR with a stack trace of forty lines; it is the tail of an outage already told, so
 * it is one INFO line here.
 */
@Context
public class LateFailures {

    private static final Logger LOG = LoggerFactory.getLogger(LateFailures.class);

    public LateFailures() {
        Hooks.onErrorDropped(LateFailures::logged);
    }

    static void logged(Throwable late) {
        LOG.info("A failure after its request was answered, dropped: {}", late.toString());
    }

    @PreDestroy
    void close() {
        Hooks.resetOnErrorDropped();
    }
}
