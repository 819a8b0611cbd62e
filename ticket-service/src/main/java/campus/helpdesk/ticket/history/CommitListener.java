package campus.helpdesk.ticket.history;

/**
 * Told right after a transaction that appended events has committed. The change feed implements it to give the new
 * events their feed positions at once rather than at its next timed sweep; the event log knows no more of the feed.
 */
public interface CommitListener {

    void committed();
}
