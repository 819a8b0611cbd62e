package campus.helpdesk.gateway.session;

import campus.helpdesk.api.EndedSession;
import campus.helpdesk.client.EndedSessionClient;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sessions signed out before their cookie expires: a signed cookie alone would still verify. Held here for
 * every request, and in ticket-service so that a sign-out outlasts this gateway's restart (the supervisor's, after
 * a crash) and holds on its other replicas: each sign-out is recorded there at once (again on the next round when
 * ticket-service was away), and every round reads back the others'. The first round runs before the gateway
 * serves anyone (waited for up to {@link #FIRST_ROUND}, so a hung ticket-service delays a start, never stops it,
 * and a slow one's answer still counts when it comes); on
 * another replica a sign-out holds from its next round: {@code helpdesk.session.sync-interval}.
 */
@Singleton
public class EndedSessions implements ApplicationEventListener<StartupEvent> {

    private static final Duration FIRST_ROUND = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(EndedSessions.class);

    private final EndedSessionClient store;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    /** Ended here but not yet recorded in ticket-service. */
    private final Map<String, Instant> unrecorded = new ConcurrentHashMap<>();
    private final Sinks.Many<String> endings = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean recording = new AtomicBoolean();

    public EndedSessions(EndedSessionClient store) {
        this.store = store;
    }

    /** Ends the session at once in this gateway (its cookie, its live streams) and records it for the others. */
    void end(Session session) {
        // Queued for ticket-service before anything else, so that it is recorded whatever happens to this request.
        unrecorded.put(session.id(), session.expiresAt());
        endHere(session.id(), session.expiresAt());
        recordSoon();
    }

    /**
     * One recorder at a time works through the queue (the scheduled round takes the same turn). A task per sign-out,
     * each walking the whole queue, sent the same sign-outs many times over under a burst, held every thread of the
     * pool the API-token checks share, and kept each request alive until its task ran (a sign-in and sign-out loop
     * filled the gateway's heap).
     */
    private void recordSoon() {
        if (!recording.compareAndSet(false, true)) {
            return;
        }
        Mono.fromRunnable(this::record).subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> {
                    recording.set(false);
                    // Queued after the recorder's last look and before it stood down: nobody else would start for
                    // it. (After a failure the next round records it: ticket-service is away.)
                    if (signal == SignalType.ON_COMPLETE && !unrecorded.isEmpty()) {
                        recordSoon();
                    }
                })
                .onErrorResume(e -> Mono.empty()).subscribe();
    }

    /** The round's turn at recording, unless the recorder is at work: it records what the round would have. */
    private void recordUnlessRecording() {
        if (!recording.compareAndSet(false, true)) {
            return;
        }
        try {
            record();
        } finally {
            recording.set(false);
        }
        // A sign-out that came while the round held the turn: its own recorder stood down for the round.
        if (!unrecorded.isEmpty()) {
            recordSoon();
        }
    }

    boolean isEnded(String sessionId) {
        return ended.containsKey(sessionId);
    }

    /** Emits once when the session ends, or at once if it has: a stream may be subscribed to after its sign-out. */
    Flux<String> endingOf(String sessionId) {
        // Listen first, then look: an ending between the two is caught by the listener.
        return Flux.merge(endings.asFlux().filter(sessionId::equals),
                        Mono.fromCallable(() -> ended.containsKey(sessionId) ? sessionId : null))
                .take(1);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        // Waited for, not cancelled: a round interrupted half-way learned nothing (a busy machine's start took longer
        // than the wait), while one left to finish holds the sign-outs from before the start moments later.
        CompletableFuture<Void> round = Mono.fromRunnable(this::synchronise)
                .subscribeOn(Schedulers.boundedElastic()).then().toFuture();
        try {
            round.get(FIRST_ROUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("ticket-service has not told the sign-outs before this start within {} s; serving meanwhile,"
                    + " they hold as soon as it answers", FIRST_ROUND.toSeconds());
        } catch (ExecutionException e) {
            LOG.info("Sign-outs before this start not read ({}); the next round reads them", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records what is unrecorded and learns the other replicas' sign-outs (and, after a restart, all of them). */
    @Scheduled(fixedDelay = "${helpdesk.session.sync-interval:5s}", initialDelay = "${helpdesk.session.sync-interval:5s}")
    void synchronise() {
        forgetExpired();
        try {
            recordUnlessRecording();
            for (EndedSession session : store.ended()) {
                if (!ended.containsKey(session.id())) {
                    endHere(session.id(), session.expiresAt());
                }
            }
        } catch (RuntimeException e) {
            LOG.info("Sign-outs not synchronised with ticket-service this round ({}); next round in a moment",
                    e.getMessage());
        }
    }

    private void record() {
        for (Map.Entry<String, Instant> session : unrecorded.entrySet()) {
            store.end(new EndedSession(session.getKey(), session.getValue()));
            unrecorded.remove(session.getKey(), session.getValue());
        }
    }

    /** Forgets sign-outs whose cookies have expired anyway: once a round, not a walk of the whole set per sign-out. */
    private void forgetExpired() {
        Instant now = clock.instant();
        ended.values().removeIf(expiry -> expiry.isBefore(now));
        unrecorded.values().removeIf(expiry -> expiry.isBefore(now));
    }

    private void endHere(String id, Instant expiresAt) {
        ended.put(id, expiresAt);
        // One emission at a time: a sink refuses a second one from another thread meanwhile, and a retry loop bounded
        // in time gave up under a burst of sign-outs on a busy machine (a 500, and a live stream left open).
        synchronized (endings) {
            endings.emitNext(id, Sinks.EmitFailureHandler.FAIL_FAST);
        }
    }
}
