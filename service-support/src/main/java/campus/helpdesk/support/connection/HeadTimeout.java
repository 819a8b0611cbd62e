package campus.helpdesk.support.connection;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Gives a request's head (its request line and headers) {@code helpdesk.head-timeout} (10 s) from its first byte to
 * arrive whole; past that the answer is a 408 problem and the connection closes. Without it a client sending a head
 * a byte at a time (slowloris) held its connection as long as it kept sending: the server's idle timeout starts over
 * with every byte, and enough such connections use up a server's sockets. A body has its own limit
 * ({@code helpdesk.body-timeout}); a keep-alive connection idle between requests and a live stream's long answer
 * send no head, so no clock runs for them. Zero switches it off.
 *
 * <p>The clock starts on the first bytes read while a head is awaited. A head whose first bytes came in the same
 * read as the end of the request before it starts its clock only with its next bytes: a client that sends no more
 * is left to the idle timeout, as any idle connection.
 */
@Singleton
public class HeadTimeout implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String BYTES = "helpdesk-head-bytes";
    static final String HEADS = "helpdesk-head-seen";

    private final Duration timeout;
    private final byte[] answer;

    public HeadTimeout(@Value("${helpdesk.head-timeout:10s}") Duration timeout, JsonMapper json) throws IOException {
        this.timeout = timeout;
        this.answer = answer(timeout, json);
    }

    /**
     * The 408 every service's problems look like ({@link RawProblem}), whole: it is written as bytes before the
     * codec, which is still in the middle of the unfinished head and has no answer to encode.
     */
    private static byte[] answer(Duration timeout, JsonMapper json) throws IOException {
        String within = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return RawProblem.of(HttpStatus.REQUEST_TIMEOUT, "The request's line and headers did not arrive whole within "
                + within + " of their first byte.", Map.of(), json);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        if (timeout.isPositive()) {
            // A HeadClock around the codec: its bytes before it, the heads it decoded after it.
            event.getBean().register(new BesideTheCodec(BYTES, (pipeline, codec) -> {
                HeadClock clock = new HeadClock(timeout, answer);
                pipeline.addBefore(codec, BYTES, clock.bytes());
                pipeline.addAfter(codec, HEADS, clock.heads());
            }));
        }
        return event.getBean();
    }
}
