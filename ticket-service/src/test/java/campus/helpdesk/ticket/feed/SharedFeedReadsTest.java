package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Followers at the same cursor share one database read. The sequencer is driven by hand, so nothing moves the feed
 * but the test; a table lock held by the test keeps the first follower's read under way while the second asks.
 */
@MicronautTest(transactional = false)
@Property(name = "helpdesk.feed.sequencer.enabled", value = "false")
class SharedFeedReadsTest extends ApiTest {

    @Inject
    FeedSequencer sequencer;

    @Inject
    SharedFeedReads reads;

    @Inject
    FeedNotifier notifier;

    @Test
    void twoFollowersAskingForTheSameCursorCauseOneDatabaseRead() throws Exception {
        sequencer.sweep();
        String head = page("0", 1000).next();
        Ticket ticket = create();
        long beforeSweep = notifier.generation();
        sequencer.sweep();
        awaitOwnNotification(beforeSweep);
        long readsBefore = reads.databaseReads();
        long sharedBefore = reads.sharedReads();

        CompletableFuture<ChangePage> first;
        CompletableFuture<ChangePage> second;
        try (Connection admin = sql(); Statement s = admin.createStatement()) {
            admin.setAutoCommit(false);
            s.execute("LOCK TABLE ticket_event IN ACCESS EXCLUSIVE MODE");
            first = CompletableFuture.supplyAsync(() -> page(head, 100));
            awaitTrue(this::aFeedReadWaitsForTheLock);
            second = CompletableFuture.supplyAsync(() -> page(head, 100));
            awaitTrue(() -> reads.sharedReads() > sharedBefore);
            assertThat(first).isNotDone();
            admin.rollback();
        }

        ChangePage one = first.get(10, TimeUnit.SECONDS);
        ChangePage two = second.get(10, TimeUnit.SECONDS);
        assertThat(one.events()).extracting(ChangeEvent::ticketId).containsExactly(ticket.id());
        assertThat(two).isEqualTo(one);
        assertThat(reads.databaseReads() - readsBefore).as("database reads for two followers").isEqualTo(1);
    }

    @Test
    void aNewEventEndsTheSharingSoTheNextFollowerReadsItAtOnce() throws Exception {
        sequencer.sweep();
        String head = page("0", 1000).next();
        assertThat(page(head, 100).events()).isEmpty();

        Ticket ticket = create();
        sequencer.sweep();
        assertThat(page(head, 100).events()).extracting(ChangeEvent::ticketId).containsExactly(ticket.id());
    }

    @Test
    void followersAtDifferentCursorsOrWithDifferentLimitsReadTheirOwnPages() throws Exception {
        sequencer.sweep();
        String head = page("0", 1000).next();
        Ticket a = create();
        Ticket b = create();
        sequencer.sweep();
        assertThat(page(head, 1).events()).extracting(ChangeEvent::ticketId).containsExactly(a.id());
        assertThat(page(head, 100).events()).extracting(ChangeEvent::ticketId).containsExactly(a.id(), b.id());
        String afterA = page(head, 1).next();
        assertThat(page(afterA, 100).events()).extracting(ChangeEvent::ticketId).containsExactly(b.id());
    }

    /**
     * The sweep's NOTIFY comes back to this replica's listener a moment later and, like any change, ends the sharing
     * of reads begun before it; wait until it has come and nothing else follows, so the two followers below see one
     * generation.
     */
    private void awaitOwnNotification(long beforeSweep) throws InterruptedException {
        long published = beforeSweep + 1;
        long seen = notifier.generation();
        for (int tries = 0; tries < 100; tries++) {
            Thread.sleep(200);
            long now = notifier.generation();
            if (now == seen && now > published) {
                return;
            }
            seen = now;
        }
        throw new AssertionError("the sweep's notification never came back to the listener");
    }

    private boolean aFeedReadWaitsForTheLock() {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%FROM ticket_event%' AND query NOT LIKE '%pg_stat%'""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition that the test's own steps bring about; the limit only keeps a broken run finite. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for the condition").isLessThan(giveUp);
            Thread.sleep(10);
        }
    }

    private ChangePage page(String after, int limit) {
        Api.Answer answer = api.get(FEED, "/api/changes?after=" + after + "&limit=" + limit + "&waitMs=0");
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(ChangePage.class);
    }
}
