package campus.helpdesk.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * Where a consumer stands. {@code asOf}: the moment the read model was known to hold every committed change
 * (null before the first bootstrap); {@code lagMs}: now − asOf; {@code stale}: the last poll failed, or the lag
 * passed the threshold, or no bootstrap yet; {@code caughtUp}: the last page was not full.
 */
@Serdeable
public record FeedStatus(boolean bootstrapped, @Nullable Instant asOf, long lagMs, boolean stale, boolean caughtUp,
                         @Nullable String cursor, long eventsApplied, @Nullable String lastError) {
}
