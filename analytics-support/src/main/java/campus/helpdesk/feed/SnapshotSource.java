package campus.helpdesk.feed;

import campus.helpdesk.api.TicketFacts;

import java.io.IOException;
import java.util.function.Consumer;

/** Where a replica gets the current facts of every ticket, and the feed cursor they are valid at. */
public interface SnapshotSource {

    /** Streams every ticket's facts to {@code sink}; returns the cursor to resume the feed from. */
    String load(Consumer<TicketFacts> sink) throws IOException, InterruptedException;

    /** The cursor of "now", without the facts (the first line of the snapshot only). */
    String headCursor() throws IOException, InterruptedException;
}
