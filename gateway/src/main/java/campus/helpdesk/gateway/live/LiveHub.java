package campus.helpdesk.gateway.live;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.Closure;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Fans the change feed out to every open browser. Keeps the last events in a ring so a browser that reconnects
 * with {@code Last-Event-ID} gets what it missed; when that id is no longer in the ring (too old, or the gateway
 * restarted), or it missed more than {@link #REPLAY_AT_MOST}, it gets a {@code reset} and reloads its screen
 * instead. A browser that cannot keep up is disconnected, and then resumes the same way. When the gateway stops, every stream ends at once: a stream never
 * finishes by itself, so the server's graceful stop would otherwise wait out its grace period for each open browser.
 */
@Singleton
public class LiveHub implements GracefulShutdownCapable {

    /**
     * One item of a browser's stream: a change, a reset, or a ticket's close told to its reporter and followers
     * ({@code solved}; not kept for replay: one who missed it finds it in their list of solved tickets).
     */
    public record Item(@Nullable ChangeEvent event, boolean reset, @Nullable Closure solved) {
        static final Item RESET = new Item(null, true, null);

        Item(ChangeEvent event) {
            this(event, false, null);
        }
    }

    /** What one browser's stream holds before it is cut off as too slow. */
    private static final int BUFFER = 1024;
    /**
     * The most a reconnecting browser is sent again: half its buffer, so what is published while it reads them has
     * room. One that missed more gets a reset and reloads its screen; replaying them would overflow the buffer and
     * drop the rest without a word.
     */
    static final int REPLAY_AT_MOST = BUFFER / 2;

    private final int capacity;
    private final ArrayDeque<ChangeEvent> recent;
    private final List<Sinks.Many<Item>> browsers = new ArrayList<>();
    private final Sinks.One<Boolean> stopping = Sinks.one();

    public LiveHub(@Value("${helpdesk.live.replay:5000}") int capacity) {
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(capacity);
    }

    @Inject
    void registerMetrics(@Nullable MeterRegistry meters) {
        if (meters != null) {
            Gauge.builder("helpdesk.live.browsers", this, LiveHub::browsers)
                    .description("Browsers connected to /api/live").register(meters);
        }
    }

    public synchronized void publish(ChangeEvent event) {
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(event);
        emit(new Item(event));
    }

    /** A ticket's close, for its reporter's and followers' streams to pick out ({@link LiveController} filters per person). */
    public synchronized void publishSolved(Closure closure) {
        // An item with neither an event nor a closure would end every browser's stream at its filter.
        emit(new Item(null, false, Objects.requireNonNull(closure, "closure")));
    }

    /** Whether any browser is listening: with none, nobody is there to be told of a close. */
    public synchronized boolean hasListeners() {
        return !browsers.isEmpty();
    }

    private void emit(Item item) {
        // A copy: emitting can end a browser's stream, which unsubscribes it from this same thread.
        for (Sinks.Many<Item> sink : List.copyOf(browsers)) {
            if (sink.tryEmitNext(item).isFailure()) {
                sink.tryEmitComplete();
                browsers.remove(sink);
            }
        }
    }

    /** Items after {@code lastEventId} (or from now when null), then every new one as it is published. */
    public synchronized Flux<Item> subscribe(@Nullable String lastEventId) {
        Sinks.Many<Item> sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<Item>get(BUFFER).get());
        if (lastEventId != null && !lastEventId.isBlank()) {
            replay(lastEventId.strip(), sink);
        }
        browsers.add(sink);
        return sink.asFlux().doFinally(signal -> unsubscribe(sink));
    }

    private void replay(String lastEventId, Sinks.Many<Item> sink) {
        List<ChangeEvent> missed = new ArrayList<>();
        boolean found = false;
        for (ChangeEvent event : recent) {
            if (found) {
                missed.add(event);
            } else if (event.cursor().equals(lastEventId)) {
                found = true;
            }
        }
        if (!found || missed.size() > REPLAY_AT_MOST) {
            sink.tryEmitNext(Item.RESET);
            return;
        }
        missed.forEach(e -> sink.tryEmitNext(new Item(e)));
    }

    /** Emits once the gateway is stopping: a stream that takes until it ends, and the browser reconnects later. */
    public Mono<Boolean> stopping() {
        return stopping.asMono();
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        stopping.tryEmitValue(Boolean.TRUE);
        return CompletableFuture.completedFuture(null);
    }

    private synchronized void unsubscribe(Sinks.Many<Item> sink) {
        browsers.remove(sink);
    }

    public synchronized int browsers() {
        return browsers.size();
    }
}
