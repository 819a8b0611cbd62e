package campus.helpdesk.gateway.proxy;

import campus.helpdesk.support.problem.BadInput;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody.SplitBackpressureMode;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Holds a request until its body has arrived whole, so that a service is never handed half a request. Forwarded at
 * once, a body that stops short of its Content-Length (or a chunked body without its last chunk) would keep the
 * service waiting until the route's read timeout, and the client would be told 504, as if the helpdesk were at fault.
 * The fault is the client's: 408 after {@code helpdesk.body-timeout} (the same wait as every service's for a JSON body), and the connection closed.
 *
 * <p>Only bodies up to max-request-buffer-size (a JSON body's 1 MB) are held; file uploads are larger and stream on
 * (ProxyFilter), within their route's upload read timeout.
 */
@Singleton
class WholeBody {

    private static final Logger LOG = LoggerFactory.getLogger(WholeBody.class);

    private final Duration timeout;
    private final long maxSize;

    WholeBody(@Value("${helpdesk.body-timeout}") Duration timeout, HttpServerConfiguration server) {
        this.timeout = timeout;
        this.maxSize = server.getMaxRequestBufferSize();
    }

    /** Completes empty once the body is all here; else with the answer to give instead of forwarding the request. */
    Mono<MutableHttpResponse<?>> refusal(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> incoming) || incoming.byteBody() instanceof AvailableByteBody) {
            // Whole already: no body (a GET), or one that came with its headers, as nearly every one does.
            return Mono.empty();
        }
        return arrival(incoming).then(Mono.<MutableHttpResponse<?>>empty())
                .timeout(timeout, Mono.fromSupplier(() -> incomplete(request)))
                // The client hung up half-way: nobody reads the answer, but it is the same case, not a failure of ours.
                .onErrorResume(IOException.class, e -> Mono.fromSupplier(() -> incomplete(request)))
                // Only a chunked body gets here: a longer Content-Length was refused before (RequestBodyFilter).
                .onErrorResume(BufferLengthExceededException.class, e -> Mono.just(BadInput.response(
                        HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body", "body: the request body is more than "
                                + maxSize + " bytes; at most " + maxSize + " are accepted")));
    }

    private static Mono<Void> arrival(ServerHttpRequest<?> request) {
        // NEW: this copy sets the pace, so the body is read now although nobody reads the original yet; the original
        // keeps the bytes for the proxy to send.
        CompletableFuture<Void> arrived = request.byteBody().split(SplitBackpressureMode.NEW).buffer()
                .thenAccept(CloseableAvailableByteBody::close);
        // Waited on through a copy, so that giving up cancels only the copy: the buffered bytes are still released
        // should the rest come after all, and a later failure (the client hung up) is nobody's error any more.
        return Mono.fromFuture(arrived.copy());
    }

    private MutableHttpResponse<?> incomplete(HttpRequest<?> request) {
        LOG.info("{} {}: the request body did not arrive whole (body-timeout {} ms); answered 408",
                request.getMethod(), request.getPath(), timeout.toMillis());
        return BadInput.bodyNotWhole();
    }
}
