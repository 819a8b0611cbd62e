package campus.helpdesk.ticket.feed;

import campus.helpdesk.ticket.ApiTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL backends of ticket-service's pool stop answering (SIGSTOP: a hung backend; the same as a host gone
 * without a reset): the sequencer gives its sweep up after the network timeout, says so in its log and in
 * {@code /health}, and goes on with a new connection. Before, its thread waited for that answer for good, and the
 * feed stopped without a word.
 */
@MicronautTest(transactional = false)
@Property(name = "helpdesk.feed.sequencer.lock-timeout", value = "300ms")
@Property(name = "helpdesk.feed.sequencer.network-timeout", value = "1s")
class UnansweredSweepTest extends ApiTest {

    @Inject
    FeedSequencer sequencer;
    @Inject
    FeedSequencerHealth health;

    @Test
    void aSweepWithoutAnAnswerIsLoggedShownInHealthAndGoesOnWithANewConnection() throws Exception {
        create();
        List<Long> backends = poolBackends();
        assumeTrue(!backends.isEmpty() && backends.stream().allMatch(UnansweredSweepTest::localPostgres),
                "the test PostgreSQL's backends are processes of this machine (not in a container)");
        Logger log = (Logger) LoggerFactory.getLogger(FeedSequencer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            signal("STOP", backends);
            long since = System.nanoTime();
            while (unanswered(logged) == 0 && System.nanoTime() - since < 15_000_000_000L) {
                Thread.sleep(50);
            }
            assertThat(unanswered(logged)).as("a warning that PostgreSQL did not answer").isPositive();
            Map<String, Object> details = changeFeed();
            assertThat((String) details.get("lastFailure")).contains("did not answer within 1000 ms");
            assertThat(((Number) details.get("behindMs")).longValue()).isPositive();
        } finally {
            signal("CONT", backends);
            log.detachAppender(logged);
        }

        long id = create().id();
        long resumed = System.nanoTime();
        while ((unstampedEventsOf(id) > 0 || sequencer.lastFailure() != null)
                && System.nanoTime() - resumed < 15_000_000_000L) {
            Thread.sleep(20);
        }
        assertThat(unstampedEventsOf(id)).isZero();
        assertThat(changeFeed()).doesNotContainKey("lastFailure").containsEntry("stalled", false);
    }

    private static long unanswered(ListAppender<ILoggingEvent> logged) {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getFormattedMessage().contains("did not answer")).count();
    }

    /** What /health says of the feed, from the indicator itself: /health also asks the (stopped) database. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> changeFeed() {
        HealthResult result = Mono.from(health.getResult()).block();
        return (Map<String, Object>) result.getDetails();
    }

    /** The backends of every client connection to this class's database but the one asking. */
    private List<Long> poolBackends() throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Connection c = sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        return pids;
    }

    private static boolean localPostgres(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private long unstampedEventsOf(long ticket) throws SQLException {
        return count("SELECT count(*) FROM ticket_event WHERE position IS NULL AND ticket_id = " + ticket);
    }
}
