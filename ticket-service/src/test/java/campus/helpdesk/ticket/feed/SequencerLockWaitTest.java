package campus.helpdesk.ticket.feed;

import campus.helpdesk.lifecycle.FeedPositions;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While someone else holds the feed's lock (a bulk load's batch writing its events) the sequencer's waits time out
 * one after the other. That is waiting, not failing: no warning per timeout, and the new events get their places
 * once the lock is free.
 */
@MicronautTest(transactional = false)
@Property(name = "helpdesk.feed.sequencer.lock-timeout", value = "200ms")
class SequencerLockWaitTest extends ApiTest {

    @Test
    void eventsWaitQuietlyForTheFeedsLockAndAreStampedOnceItIsFree() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(FeedSequencer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        long id;
        try (Connection load = sql(); Statement s = load.createStatement()) {
            load.setAutoCommit(false);
            s.execute(FeedPositions.LOCK);
            id = create().id();
            // Several of the sequencer's lock timeouts.
            Thread.sleep(1_500);
            assertThat(unstampedEventsOf(id)).as("no position while the lock is held elsewhere").isOne();
            load.commit();
        } finally {
            log.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();

        long released = System.nanoTime();
        while (unstampedEventsOf(id) > 0 && System.nanoTime() - released < 10_000_000_000L) {
            Thread.sleep(20);
        }
        assertThat(unstampedEventsOf(id)).isZero();
    }

    private long unstampedEventsOf(long ticket) throws SQLException {
        return count("SELECT count(*) FROM ticket_event WHERE position IS NULL AND ticket_id = " + ticket);
    }
}
