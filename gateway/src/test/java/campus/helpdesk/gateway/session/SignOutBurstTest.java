package campus.helpdesk.gateway.session;

import campus.helpdesk.api.EndedSession;
import campus.helpdesk.client.EndedSessionClient;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many sign-outs at once, while live streams wait for their endings and take their time over one (a stream closing
 * its connection on a busy machine): each sign-out succeeds, ends its own stream, and is recorded.
 */
class SignOutBurstTest {

    private static final int SESSIONS = 24;

    /** ticket-service's side, in memory: this test is about the gateway's own bookkeeping. */
    private static class RecordedSignOuts implements EndedSessionClient {
        final Map<String, Instant> recorded = new ConcurrentHashMap<>();

        @Override
        public HttpResponse<Void> end(EndedSession session) {
            recorded.put(session.id(), session.expiresAt());
            return HttpResponse.noContent();
        }

        @Override
        public List<EndedSession> ended() {
            return recorded.entrySet().stream().map(e -> new EndedSession(e.getKey(), e.getValue())).toList();
        }
    }

    @Test
    void aBurstOfSignOutsEndsEveryStreamAndRecordsEverySignOut() throws Exception {
        RecordedSignOuts store = new RecordedSignOuts();
        EndedSessions sessions = new EndedSessions(store);
        List<Session> signedIn = new ArrayList<>();
        Set<String> streamsEnded = ConcurrentHashMap.newKeySet();
        List<Disposable> streams = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            Session session = new Session("session-%02d-abcdefghijklmnop".formatted(i), "Student " + i,
                    GatewayRole.STUDENT, Instant.now().plus(Duration.ofHours(8)));
            signedIn.add(session);
            streams.add(sessions.endingOf(session.id()).subscribe(id -> {
                sleep(150);
                streamsEnded.add(id);
            }));
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> signOuts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(SESSIONS)) {
            for (Session session : signedIn) {
                signOuts.add(pool.submit(() -> {
                    go.await();
                    sessions.end(session);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> signOut : signOuts) {
                signOut.get(30, TimeUnit.SECONDS); // throws if a sign-out failed
            }
        }

        assertThat(streamsEnded).hasSize(SESSIONS);
        for (Session session : signedIn) {
            assertThat(sessions.isEnded(session.id())).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.recorded.size() < SESSIONS && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(store.recorded.keySet()).containsExactlyInAnyOrderElementsOf(
                signedIn.stream().map(Session::id).toList());
        streams.forEach(Disposable::dispose);
    }

    /**
     * A sign-in and sign-out loop (16 clients, no account needed) once queued a recording task per sign-out, each
     * sending the whole queue again: thousands of calls to ticket-service at once, every thread of the pool busy.
     * Now one recorder at a time sends each sign-out once, and a sign-out never waits for it.
     */
    @Test
    void aLoopOfSignOutsIsRecordedOnceEachByOneRecorderAtATime() throws Exception {
        int signOuts = 400;
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch everySignOutReturned = new CountDownLatch(1);
        RecordedSignOuts store = new RecordedSignOuts() {
            @Override
            public HttpResponse<Void> end(EndedSession session) {
                await(everySignOutReturned);
                calls.incrementAndGet();
                mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(2); // ticket-service's answer on a busy machine
                inFlight.decrementAndGet();
                return super.end(session);
            }
        };
        EndedSessions sessions = new EndedSessions(store);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < signOuts; i++) {
                Session session = new Session("loop-%04d-abcdefghijklmnop".formatted(i), "Churn", GatewayRole.STUDENT,
                        Instant.now().plus(Duration.ofHours(12)));
                done.add(pool.submit(() -> sessions.end(session)));
            }
            // ticket-service answers nothing until every sign-out has returned: one that waited for it times out.
            for (Future<?> signOut : done) {
                signOut.get(30, TimeUnit.SECONDS);
            }
            everySignOutReturned.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (store.recorded.size() < signOuts && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(store.recorded).hasSize(signOuts);
        assertThat(calls.get()).as("calls to ticket-service for %d sign-outs", signOuts).isEqualTo(signOuts);
        assertThat(mostAtOnce.get()).as("recorders at once").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
