package campus.helpdesk.ticket.feed;

import campus.helpdesk.lifecycle.FeedPositions;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep whose backend does not answer (here: it waits for the feed's lock, held elsewhere, longer than the
 * sequencer's network timeout; in production a hung backend or a host gone without a reset) is given up: the
 * sequencer says so in its log and in {@code /health}, and tries again on a new connection. Before, the sequencer's
 * thread waited for that answer for good, and the feed stopped without a word.
 */
@MicronautTest(transactional = false)
@Property(name = "helpdesk.feed.sequencer.lock-timeout", value = "60s")
@Property(name = "helpdesk.feed.sequencer.network-timeout", value = "700ms")
class UnansweredSweepTest extends ApiTest {

    @Test
    void aSweepWithoutAnAnswerIsLoggedShownInHealthAndTriedAgain() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(FeedSequencer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        long id;
        try (Connection holder = sql(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute(FeedPositions.LOCK);
            id = create().id();
            long since = System.nanoTime();
            while (warnings(logged) == 0 && System.nanoTime() - since < 10_000_000_000L) {
                Thread.sleep(50);
            }
            assertThat(warnings(logged)).as("a warning once a sweep went unanswered").isPositive();
            assertThat(unstampedEventsOf(id)).isOne();
            Map<String, Object> feed = changeFeedHealth();
            assertThat(feed).containsEntry("sequencing", true).containsKey("lastFailure");
            assertThat((Number) feed.get("behindMs")).satisfies(ms -> assertThat(ms.longValue()).isPositive());
            holder.commit();
        } finally {
            log.detachAppender(logged);
        }

        long released = System.nanoTime();
        while (unstampedEventsOf(id) > 0 && System.nanoTime() - released < 10_000_000_000L) {
            Thread.sleep(20);
        }
        assertThat(unstampedEventsOf(id)).isZero();
        assertThat(changeFeedHealth()).doesNotContainKey("lastFailure").containsEntry("stalled", false);
    }

    private static long warnings(ListAppender<ILoggingEvent> logged) {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).count();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> changeFeedHealth() {
        Api.Answer health = api.get(null, "/health");
        assertThat(health.status).as(health.toString()).isEqualTo(200);
        Map<String, Object> components = (Map<String, Object>) health.map().get("details");
        return (Map<String, Object>) ((Map<String, Object>) components.get("changeFeed")).get("details");
    }

    private long unstampedEventsOf(long ticket) throws SQLException {
        return count("SELECT count(*) FROM ticket_event WHERE position IS NULL AND ticket_id = " + ticket);
    }
}
