package campus.helpdesk.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedClockTest {

    private static final long WAIT = 1_000;
    private static final long STALE_AFTER = 1_000;
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
        clock.succeeded(3_000, false, 2_900, 2_990);
        clock.pollStarted(3_000);
        assertThat(clock.asOf(3_900)).isEqualTo(3_900);
        assertThat(clock.isStale(3_900)).isFalse();
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
        clock.succeeded(100_000, true, 40_000, 99_990);
        clock.pollStarted(100_000);
        assertThat(clock.asOf(100_010)).isEqualTo(40_000);
        assertThat(clock.isStale(100_010)).isTrue();
        assertThat(clock.isCaughtUp()).isFalse();

        clock.succeeded(100_500, false, 100_400, 100_500);
        assertThat(clock.asOf(100_600)).isEqualTo(100_500);
        assertThat(clock.isStale(100_600)).isFalse();
    }

    @Test
    void aLongPollThatOutlivesItsWaitStopsVouchingForFreshnessWithinTwoSeconds() {
        clock.bootstrapped(2_000);
        clock.pollStarted(2_000);
        assertThat(clock.isStale(2_000 + WAIT)).isFalse();
        long overdue = 2_000 + WAIT + FeedClock.POLL_GRACE_MS + 1;
        assertThat(overdue - 2_000).isLessThan(2_000);
        assertThat(clock.asOf(overdue)).isEqualTo(2_000);
        assertThat(clock.isStale(overdue)).isTrue();
    }

    @Test
    void aFeedThatIsItselfLateMakesTheModelLateFromWhenTheFeedWasLastComplete() {
        clock.bootstrapped(2_000);
        // The feed answers at once, empty, saying every change before 3_000 is in it, but none after.
        clock.succeeded(5_000, false, 0, 3_000);
        clock.pollStarted(5_000);
        assertThat(clock.feedBehind()).isTrue();
        assertThat(clock.asOf(5_100)).isEqualTo(3_000);
        assertThat(clock.lagMs(5_100)).isEqualTo(2_100);
        assertThat(clock.isStale(5_100)).isTrue();

        clock.succeeded(6_000, false, 0, 5_990);
        clock.pollStarted(6_000);
        assertThat(clock.asOf(6_100)).isEqualTo(6_100);
        assertThat(clock.isStale(6_100)).isFalse();
    }
}
