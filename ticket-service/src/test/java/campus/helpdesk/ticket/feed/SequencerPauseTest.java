package campus.helpdesk.ticket.feed;

import campus.helpdesk.ticket.ApiTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under load, the sequencer pauses between sweeps so that commits arriving meanwhile are stamped together (one
 * transaction instead of one per ticket), while a commit on a quiet desk is stamped at once. A
 * sweep is one transaction, so the events one sweep stamped share the transaction id of their stamped row version
 * ({@code xmin}): the number of distinct ones is the number of sweeps.
 */
@MicronautTest(transactional = false)
@Property(name = "helpdesk.feed.sequencer.min-interval", value = "900ms")
class SequencerPauseTest extends ApiTest {

    private static final Duration PAUSE = Duration.ofMillis(900);

    @Test
    void aQuietDesksCommitIsStampedAtOnceAndTheCommitsOfThePauseTogether() throws Exception {
        // Longer than the pause since any earlier sweep (the service's start, other tests' tickets).
        Thread.sleep(1_200);
        long filed = System.nanoTime();
        long first = create().id();
        long stampedAt = awaitStamped(List.of(first), 2_000);
        // At once, not after a pause started by the empty sweeps of the quiet moments before.
        assertThat(Duration.ofNanos(stampedAt - filed)).isLessThan(PAUSE.dividedBy(2));

        List<Long> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(create().id());
        }
        // The burst must fall within the pause to be stamped together; a machine too busy for that proves nothing.
        assumeTrue(System.nanoTime() - stampedAt < PAUSE.toNanos() * 2 / 3, "the burst outlasted the pause");
        assertThat(unstamped(burst)).as("the burst waits for the pause to end").isPositive();
        awaitStamped(burst, 15_000);
        assertThat(sweepsThatStamped(burst)).as("one sweep stamped the whole burst").isOne();
    }

    /** When the last of {@code tickets}' events was seen stamped (System.nanoTime()). */
    private long awaitStamped(List<Long> tickets, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (unstamped(tickets) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(unstamped(tickets)).as("events without a position after %d ms", millis).isZero();
        return System.nanoTime();
    }

    private long unstamped(List<Long> tickets) throws SQLException {
        return count("SELECT count(*) FROM ticket_event WHERE position IS NULL AND ticket_id IN (" + ids(tickets) + ")");
    }

    private long sweepsThatStamped(List<Long> tickets) throws SQLException {
        return count("SELECT count(DISTINCT xmin::text) FROM ticket_event WHERE ticket_id IN (" + ids(tickets) + ")");
    }

    private static String ids(List<Long> tickets) {
        return tickets.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

}
