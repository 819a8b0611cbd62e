package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.ChangePage;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;

/**
 * A position in the feed: the (transaction id, event id) of the last event read, written "xid.id". Events are
 * served in (xid, id) order, which is commit order for every ticket. "0" is the start.
 */
public record FeedCursor(long xid, long id) {

    public static final FeedCursor START = new FeedCursor(0, 0);

    public static FeedCursor parse(@Nullable String text) {
        if (text == null || text.isBlank() || text.equals(ChangePage.START)) {
            return START;
        }
        int dot = text.indexOf('.');
        try {
            if (dot > 0) {
                long xid = Long.parseLong(text.substring(0, dot));
                long id = Long.parseLong(text.substring(dot + 1));
                if (xid >= 0 && id >= 0) {
                    return new FeedCursor(xid, id);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.badInput("after", "not a cursor of this feed; pass \"0\" or the 'next' of a previous page");
    }

    @Override
    public String toString() {
        return this.equals(START) ? ChangePage.START : xid + "." + id;
    }
}
