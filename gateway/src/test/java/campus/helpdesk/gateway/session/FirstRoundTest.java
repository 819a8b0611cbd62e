package campus.helpdesk.gateway.session;

import campus.helpdesk.api.EndedSession;
import campus.helpdesk.client.EndedSessionClient;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's first round of sign-outs, when ticket-service is slow to answer it (a busy machine starting five
 * services): the gateway starts serving without it, and the sign-outs hold as soon as the answer comes.
 */
class FirstRoundTest {

    /** Answers the sign-outs before the start only once the test lets it, after the gateway has started. */
    private static class SlowStore implements EndedSessionClient {
        final CountDownLatch answer = new CountDownLatch(1);

        @Override
        public HttpResponse<Void> end(EndedSession session) {
            return HttpResponse.noContent();
        }

        @Override
        public List<EndedSession> ended() {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the round was interrupted", e);
            }
            return List.of(new EndedSession("signed-out-before-the-start", Instant.now().plus(Duration.ofHours(1))));
        }
    }

    @Test
    void aSlowAnswerDoesNotHoldTheStartAndIsStillLearned() throws Exception {
        SlowStore store = new SlowStore();
        EndedSessions sessions = new EndedSessions(store);

        sessions.onApplicationEvent(null);
        assertThat(sessions.isEnded("signed-out-before-the-start")).isFalse();

        store.answer.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sessions.isEnded("signed-out-before-the-start") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sessions.isEnded("signed-out-before-the-start"))
                .as("the first round, left to finish, learns the sign-out without waiting for the next round").isTrue();
    }
}
