package campus.helpdesk.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedClockTest {

    private static final long WAIT = 20_000;
    private static final long STALE_AFTER = 5_000;
    private final FeedClock clock = new FeedClock(WAIT, STALE_AFTER, 1_000);

    @Test
    void beforeTheFirstBootstrapThereIsNoAsOfAndTheLagCountsFromTheStart() {
        assertThat(clock.asOf(3_000)).isZero();
        assertThat(clock.lagMs(3_000)).isEqualTo(2_000);
        assertThat(clock.isStale(3_000)).isTrue();
    }

    @Test
    void aCaughtUpLongPollWaitingOnTicketServiceKeepsTheModelFreshAsOfNow() {
        clock.bootstrapped(2_000);
        clock.succeeded(3_000, false, 2_900);
        clock.pollStarted(3_000);
        assertThat(clock.asOf(15_000)).isEqualTo(15_000);
        assertThat(clock.isStale(15_000)).isFalse();
    }

    @Test
    void aFailedPollMakesAnswersStaleWithALagGrowingFromTheLastSuccess() {
        clock.bootstrapped(2_000);
        clock.pollStarted(2_000);
        clock.failed();
        assertThat(clock.isStale(2_100)).isTrue();
        assertThat(clock.lagMs(4_000)).isEqualTo(2_000);
        assertThat(clock.lagMs(9_000)).isEqualTo(7_000);
    }

    @Test
    void whileCatchingUpWithFullPagesTheModelIsOnlyAsFreshAsTheNewestEventApplied() {
        clock.bootstrapped(2_000);
        clock.succeeded(100_000, true, 40_000);
        clock.pollStarted(100_000);
        assertThat(clock.asOf(100_010)).isEqualTo(40_000);
        assertThat(clock.isStale(100_010)).isTrue();
        assertThat(clock.isCaughtUp()).isFalse();

        clock.succeeded(100_500, false, 100_400);
        assertThat(clock.asOf(100_600)).isEqualTo(100_500);
        assertThat(clock.isStale(100_600)).isFalse();
    }

    @Test
    void aLongPollThatOutlivesItsWaitStopsVouchingForFreshness() {
        clock.bootstrapped(2_000);
        clock.pollStarted(2_000);
        long muchLater = 2_000 + WAIT + 10_000;
        assertThat(clock.asOf(muchLater)).isEqualTo(2_000);
        assertThat(clock.isStale(muchLater)).isTrue();
    }
}
