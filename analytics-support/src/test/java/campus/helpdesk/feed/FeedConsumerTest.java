package campus.helpdesk.feed;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static campus.helpdesk.feed.FakeFeed.facts;
import static org.assertj.core.api.Assertions.assertThat;

class FeedConsumerTest {

    private final FakeFeed feed = new FakeFeed();
    private final Recorder recorder = new Recorder();
    private FeedConsumer consumer;

    /** Keeps the latest facts per ticket, and every event it was given. */
    static final class Recorder implements ChangeListener {
        final Map<Long, TicketFacts> facts = new ConcurrentHashMap<>();
        final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
        volatile boolean loaded;

        @Override
        public void reset() {
            facts.clear();
        }

        @Override
        public void load(TicketFacts ticket) {
            facts.put(ticket.id(), ticket);
        }

        @Override
        public void loaded() {
            loaded = true;
        }

        @Override
        public void apply(ChangeEvent event) {
            events.add(event);
            if (event.ticket() == null) {
                facts.remove(event.ticketId());
            } else {
                facts.put(event.ticketId(), event.ticket());
            }
        }
    }

    private FeedConsumer start(FeedConfiguration.BootstrapMode mode) {
        FeedConfiguration config = new FeedConfiguration();
        config.setBootstrap(mode);
        config.setWaitMs(300);
        config.setMinBackoff(Duration.ofMillis(10));
        config.setMaxBackoff(Duration.ofMillis(80));
        config.setStaleAfter(Duration.ofMillis(500));
        consumer = new FeedConsumer(List.of(recorder), (campus.helpdesk.api.ChangeFeedOperations) feed, feed, config,
                new SimpleMeterRegistry());
        consumer.start();
        return consumer;
    }

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void bootstrapsFromTheSnapshotThenAppliesOnlyEventsAfterItsCursor() {
        feed.publish(1, facts(1, TicketStatus.OPEN, 1));
        feed.publish(2, facts(2, TicketStatus.OPEN, 1));
        feed.snapshot(List.of(facts(1, TicketStatus.OPEN, 1), facts(2, TicketStatus.OPEN, 1)));
        feed.publish(2, facts(2, TicketStatus.ACTIVE, 2));

        start(FeedConfiguration.BootstrapMode.SNAPSHOT);
        await(() -> consumer.status().caughtUp() && recorder.events.size() == 1);
        feed.publish(3, facts(3, TicketStatus.OPEN, 1));
        await(() -> recorder.events.size() == 2);

        assertThat(recorder.loaded).isTrue();
        assertThat(recorder.facts).containsOnlyKeys(1L, 2L, 3L);
        assertThat(recorder.facts.get(2L).status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(consumer.status().stale()).isFalse();
        assertThat(consumer.status().eventsApplied()).isEqualTo(2);
    }

    @Test
    void anOutageMakesAnswersStaleWithGrowingLagThenResumesFromTheCursorWithNothingLostOrRepeated()
            throws InterruptedException {
        feed.snapshot(List.of());
        start(FeedConfiguration.BootstrapMode.SNAPSHOT);
        feed.publish(1, facts(1, TicketStatus.OPEN, 1));
        await(() -> recorder.events.size() == 1);

        feed.down(true);
        await(() -> consumer.status().stale());
        long firstLag = consumer.status().lagMs();
        Thread.sleep(200);
        assertThat(consumer.status().lagMs()).isGreaterThan(firstLag);
        assertThat(consumer.status().lastError()).contains("down");

        feed.down(false);
        feed.publish(1, facts(1, TicketStatus.ACTIVE, 2));
        feed.publish(2, facts(2, TicketStatus.OPEN, 1));
        feed.publish(2, null);
        await(() -> recorder.events.size() == 4 && !consumer.status().stale());

        assertThat(recorder.events).extracting(ChangeEvent::cursor).containsExactly("1", "2", "3", "4");
        assertThat(recorder.facts).containsOnlyKeys(1L);
        assertThat(consumer.status().lagMs()).isLessThan(500);
    }

    @Test
    void beforeTheFirstBootstrapTheFeedIsStaleAndNotBootstrapped() {
        feed.down(true);
        start(FeedConfiguration.BootstrapMode.SNAPSHOT);
        await(() -> feed.calls == 0 && consumer.status().lastError() != null);
        FeedStatus status = consumer.status();
        assertThat(status.bootstrapped()).isFalse();
        assertThat(status.stale()).isTrue();
        assertThat(status.asOf()).isNull();
    }

    @Test
    void tailModeSkipsTheSnapshotAndDeliversOnlyChangesCommittedAfterTheStart() {
        feed.publish(1, facts(1, TicketStatus.OPEN, 1));
        feed.snapshot(List.of(facts(1, TicketStatus.OPEN, 1)));
        start(FeedConfiguration.BootstrapMode.TAIL);
        await(() -> consumer.status().bootstrapped());
        feed.publish(2, facts(2, TicketStatus.OPEN, 1));
        await(() -> recorder.events.size() == 1);

        assertThat(recorder.loaded).isFalse();
        assertThat(recorder.events.getFirst().ticketId()).isEqualTo(2);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition met within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
