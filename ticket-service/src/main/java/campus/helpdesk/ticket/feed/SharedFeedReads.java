package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.ChangePage;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets every follower asking for the same page share one database read. Followers tail the feed together: the
 * three analytics services, the gateway and any replica of them wake on the same sweep and ask for the same cursor
 * within milliseconds, and each used to read and decode the same rows again, so the reads grew with the number of
 * followers (the CPU per event hardly did, as the linger already batched them: BENCHMARKS.md, "Feed followers").
 *
 * <p>A page read is kept, keyed by cursor and limit, only while nothing that could change it has happened: the
 * notifier's generation (moved by every sweep that stamped events, here or, by NOTIFY, in another replica) and the
 * sequencer's {@code completeAsOf} (moved by every finished sweep) are both as they were before the read began,
 * and the read is under way or finished less than {@link ChangeFeedController#RECHECK_MS} ago, the interval at
 * which a waiting reader would have read again anyway. So a shared page is at most that interval plus one read's
 * duration older than a page the follower could have read itself (events stamped by another replica wait for its
 * NOTIFY or that interval, as before), and the feed's guarantees (order, completeAsOf read before the events, the
 * snapshot cursor) are {@link ChangeFeed}'s, unchanged. Readers arriving while a read is under way wait for it
 * instead of starting their own.
 */
@Singleton
public class SharedFeedReads {

    private static final long FRESH_NANOS = ChangeFeedController.RECHECK_MS * 1_000_000L;

    private final ChangeFeed feed;
    private final FeedNotifier notifier;
    private final FeedSequencer sequencer;
    private final Map<Key, Read> reads = new ConcurrentHashMap<>();
    private final AtomicLong databaseReads = new AtomicLong();
    private final AtomicLong sharedReads = new AtomicLong();

    public SharedFeedReads(ChangeFeed feed, FeedNotifier notifier, FeedSequencer sequencer) {
        this.feed = feed;
        this.notifier = notifier;
        this.sequencer = sequencer;
    }

    /** The page after {@code after}: the one another follower's read just got, or read now. */
    public ChangePage read(FeedCursor after, int limit) {
        Key key = new Key(after.position(), limit);
        while (true) {
            Read kept = reads.get(key);
            long now = System.nanoTime();
            long generation = notifier.generation();
            Instant complete = sequencer.completeAsOf();
            if (kept != null && kept.stillValid(generation, complete, now)) {
                sharedReads.incrementAndGet();
                return kept.page();
            }
            Read mine = new Read(generation, complete, new CompletableFuture<>());
            boolean claimed = kept == null ? reads.putIfAbsent(key, mine) == null : reads.replace(key, kept, mine);
            if (claimed) {
                return readInto(key, mine, after);
            }
            // Another reader claimed this page first: serve its read (the loop looks again).
        }
    }

    /** How many reads went to the database; followers served by another's read are not counted. */
    public long databaseReads() {
        return databaseReads.get();
    }

    /** How many reads were served by another follower's read (finished, or waited for). */
    public long sharedReads() {
        return sharedReads.get();
    }

    private ChangePage readInto(Key key, Read mine, FeedCursor after) {
        try {
            databaseReads.incrementAndGet();
            ChangePage page = feed.read(after, key.limit());
            mine.finishedNanos = System.nanoTime();
            mine.result().complete(page);
            return page;
        } catch (RuntimeException | Error e) {
            // Everyone waiting gets the same failure (a 503 from the shared handler); the next reader tries again.
            // Errors too: a read left incomplete would hold every follower waiting for it.
            reads.remove(key, mine);
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            // A page can be served again for the re-check interval only: drop the others at once rather than keep
            // pages of up to a thousand events each (the map holds one entry per cursor followers are at).
            long now = System.nanoTime();
            reads.values().removeIf(read -> read.result().isDone() && !read.fresh(now));
        }
    }

    private record Key(long after, int limit) {
    }

    /** A read, started when the notifier was at {@code generation} and the sequencer complete as of {@code complete}. */
    private static final class Read {
        private final long generation;
        private final Instant complete;
        private final CompletableFuture<ChangePage> result;
        /** Set before the result completes, so whoever sees the result done sees it. */
        private volatile long finishedNanos;

        Read(long generation, Instant complete, CompletableFuture<ChangePage> result) {
            this.generation = generation;
            this.complete = complete;
            this.result = result;
        }

        CompletableFuture<ChangePage> result() {
            return result;
        }

        boolean stillValid(long currentGeneration, Instant currentComplete, long now) {
            return generation == currentGeneration && Objects.equals(complete, currentComplete) && fresh(now)
                    && !result.isCompletedExceptionally();
        }

        /** Under way, or finished within the re-check interval. */
        boolean fresh(long now) {
            return !result.isDone() || now - finishedNanos <= FRESH_NANOS;
        }

        ChangePage page() {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }
}
