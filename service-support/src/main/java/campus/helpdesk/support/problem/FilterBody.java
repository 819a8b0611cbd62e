package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody.SplitBackpressureMode;
import io.micronaut.http.body.CloseableAvailableByteBody;

import java.util.concurrent.CompletableFuture;

/**
 * A request body read by a filter that wants it only for some requests (JSON writes), after the filter has decided
 * so itself. A {@code @Body} parameter is bound before the method runs, and the filter's
 * {@link io.micronaut.http.filter.ConditionalFilter#isEnabled} is not a guard: when a pre-matching filter runs (the
 * framework's CORS filter does for every request with an {@code Origin}, that is every browser write), Micronaut 4.10
 * runs the filters after route matching without asking it. Each such filter then read every body whole, a
 * browser's file upload too, which was refused beyond 1 MB.
 */
public final class FilterBody {

    private FilterBody() {
    }

    /**
     * The whole body when the server has received all of it already, as it has for most small JSON writes (empty
     * when there is none); null when it is still arriving, and {@link #bytes} waits for it. Saves a write the
     * asynchronous hand-over, which cost more than reading the body.
     */
    public static @Nullable byte[] bytesIfReceived(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return new byte[0];
        }
        if (!(server.byteBody() instanceof AvailableByteBody available)) {
            return null;
        }
        try (CloseableAvailableByteBody copy = available.split()) {
            return copy.toByteArray();
        }
    }

    /** The whole body, without taking it from the route that reads it next; null when there is none. */
    public static CompletableFuture<byte[]> bytes(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        // One place that closes the copy, whatever became of the caller's wait (answered, failed, cancelled):
        // a buffered copy left open holds its bytes for good.
        server.byteBody().split(SplitBackpressureMode.FASTEST).buffer().whenComplete((body, failure) -> {
            if (failure != null) {
                bytes.completeExceptionally(failure);
                return;
            }
            try (CloseableAvailableByteBody copy = body) {
                bytes.complete(copy.length() == 0 ? null : copy.toByteArray());
            }
        });
        return bytes;
    }
}
