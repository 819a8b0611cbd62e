package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * The change feed: every committed change exactly once, in commit order, after {@code after}
 * ({@link ChangePage#START} for the beginning). {@code limit} ≤ 1000; with {@code waitMs} ≤ 30000 the call
 * waits until an event commits or the time is up. Internal to the system: callers are services that send a
 * STAFF identity.
 */
public interface ChangeFeedOperations {

    String PATH = "/api/changes";
    /**
     * The current facts of every ticket as text (see {@link FactsSnapshot}), for a replica that must not replay
     * the whole feed.
     */
    String SNAPSHOT_PATH = "/api/changes/snapshot";

    @Get(PATH + "{?after,limit,waitMs}")
    ChangePage changes(@Nullable @QueryValue String after,
                       @Nullable @QueryValue Integer limit,
                       @Nullable @QueryValue Integer waitMs);
}
