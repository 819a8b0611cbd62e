package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A page of the change feed; pass {@code next} as {@code after} to continue. {@code completeAsOf}: every change
 * committed before it is in the feed (at or before this page's end, or after it); a follower that has read to
 * the end is complete as of then and no later, which keeps its freshness honest when the feed itself is late.
 */
@Serdeable
public record ChangePage(List<ChangeEvent> events, String next, @Nullable Instant completeAsOf) {
    /** The cursor before the first event ever written. */
    public static final String START = "0";
}
