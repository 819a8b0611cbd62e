package campus.helpdesk.ticket.feed;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.api.ChangeFeedOperations;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.FactsSnapshot;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.SQLException;

/**
 * The change feed for its followers, the analytics services and the gateway, each with its own FEED token. Long-polls run on
 * virtual threads (the blocking executor), never on the event loop, and hold no database connection while waiting.
 * Followers at the same cursor share one read ({@link SharedFeedReads}), so a follower more costs its request only.
 */
@Secured({ServiceRoles.FEED})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChangeFeedController implements ChangeFeedOperations {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_WAIT_MS = 30_000;
    /** Re-check at least this often while waiting: an event may become servable without a notification. */
    static final long RECHECK_MS = 50;
    /**
     * When a waiting reader finds only a trickle of events, it waits this long so that the commits of the next
     * moments share one answer: under write load, four followers (three analytics services and the gateway) would
     * otherwise make one round trip per commit each, and that work competes with the writes themselves.
     */
    static final long LINGER_MS = 20;

    /**
     * A long poll ends early, empty, when the sequencer has fallen this far behind, so followers learn at once
     * that they are late (from the page's completeAsOf) instead of waiting for an event that does not come.
     */
    static final long BEHIND_MS = 1_000;

    private final SharedFeedReads feed;
    private final FeedNotifier notifier;
    private final Database db;

    public ChangeFeedController(SharedFeedReads feed, FeedNotifier notifier, Database db) {
        this.feed = feed;
        this.notifier = notifier;
        this.db = db;
    }

    @Override
    public ChangePage changes(@Nullable String after, @Nullable Integer limit, @Nullable Integer waitMs) {
        FeedCursor cursor = FeedCursor.parse(after);
        int max = within("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int wait = within("waitMs", waitMs, 0, 0, MAX_WAIT_MS);
        long deadline = System.nanoTime() + wait * 1_000_000L;
        while (true) {
            long seen = notifier.generation();
            ChangePage page = feed.read(cursor, max);
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (!page.events().isEmpty()) {
                return wait > 0 && page.events().size() < max ? lingerForMore(cursor, max, page) : page;
            }
            if (remainingMs <= 0 || behind(page)) {
                return page;
            }
            try {
                notifier.awaitChange(seen, Math.min(RECHECK_MS, remainingMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page;
            }
        }
    }

    private static boolean behind(ChangePage page) {
        return page.completeAsOf() == null
                || page.completeAsOf().isBefore(java.time.Instant.now().minusMillis(BEHIND_MS));
    }

    private ChangePage lingerForMore(FeedCursor cursor, int max, ChangePage page) {
        try {
            Thread.sleep(LINGER_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return page;
        }
        return feed.read(cursor, max);
    }

    @Get(SNAPSHOT_PATH)
    @Produces(FactsSnapshot.CONTENT_TYPE)
    public StreamedFile snapshot() {
        try {
            return new StreamedFile(new SnapshotStream(db.borrow()), MediaType.TEXT_PLAIN_TYPE);
        } catch (SQLException e) {
            // The shared failure handler answers 503 with Retry-After, and keeps the driver's message in the log.
            throw new Database.DatabaseException(e);
        }
    }

    private static int within(String name, @Nullable Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw Problems.badInput(name, "must be from " + min + " to " + max);
        }
        return value;
    }
}
