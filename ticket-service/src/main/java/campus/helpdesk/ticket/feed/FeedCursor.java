package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.ChangePage;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;

/**
 * A position in the feed: the position {@link FeedSequencer} stamped on the last event read. "0" is the start.
 * Positions only ever become visible in increasing order, so "after this position" never skips an event.
 */
public record FeedCursor(long position) {

    public static final FeedCursor START = new FeedCursor(0);

    public static FeedCursor parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            long position = Long.parseLong(text.strip());
            if (position >= 0) {
                return new FeedCursor(position);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.badInput("after", "not a cursor of this feed; pass \"0\" or the 'next' of a previous page");
    }

    @Override
    public String toString() {
        return position == 0 ? ChangePage.START : Long.toString(position);
    }
}
