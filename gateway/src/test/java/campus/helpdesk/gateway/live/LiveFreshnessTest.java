package campus.helpdesk.gateway.live;

import campus.helpdesk.feed.FeedStatus;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LiveFreshnessTest {

    private static FeedStatus lagging(long lagMs) {
        return new FeedStatus(true, null, lagMs, lagMs > 1000, true, null, 0, null);
    }

    @Test
    void aPageThatStopsReadingHoldsUpNoOtherAndBreaksNothing() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        // The answer changes at every check: the most a stream can be told.
        LiveFreshness freshness = new LiveFreshness(() -> lagging(ticks.incrementAndGet() % 2 == 0 ? 0 : 10_000),
                Duration.ofMillis(5));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Boolean> asleep = new CopyOnWriteArrayList<>();
        BaseSubscriber<Boolean> sleeping = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(Boolean value) {
                asleep.add(value);
            }

            @Override
            protected void hookOnError(Throwable error) {
                failed.set(error);
            }
        };
        freshness.following().subscribe(sleeping);
        List<Boolean> reading = new CopyOnWriteArrayList<>();
        Disposable awake = freshness.following().subscribe(reading::add, failed::set);
        Thread.sleep(400);

        assertThat(failed.get()).as("no stream failed").isNull();
        assertThat(reading.size()).as("the reading page was told every change").isGreaterThan(10);
        assertThat(asleep).hasSize(1);
        sleeping.dispose();
        awake.dispose();
    }

    @Test
    void theBadgeTurnsPastThreeSecondsBehindAndBackOnlyUnderTwo() throws Exception {
        List<Long> lags = List.of(0L, 2_500L, 3_500L, 2_500L, 1_500L, 2_500L);
        AtomicInteger step = new AtomicInteger();
        LiveFreshness freshness = new LiveFreshness(
                () -> lagging(lags.get(Math.min(step.getAndIncrement(), lags.size() - 1))), Duration.ofMillis(20));
        List<Boolean> said = new CopyOnWriteArrayList<>();
        Disposable page = freshness.following().subscribe(said::add);
        Thread.sleep(400);
        page.dispose();
        assertThat(said).containsExactly(true, false, true);
    }

    @Test
    void beforeItsFirstPageOfTheFeedTheGatewayIsNotLive() {
        LiveFreshness freshness = new LiveFreshness(
                () -> new FeedStatus(false, null, 0, true, false, null, 0, null), Duration.ofMillis(20));
        assertThat(freshness.following().blockFirst(Duration.ofSeconds(2))).isFalse();
    }
}
