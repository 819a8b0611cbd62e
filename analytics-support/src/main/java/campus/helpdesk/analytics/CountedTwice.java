package campus.helpdesk.analytics;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.feed.ChangeListener;

/**
 * One read model counted twice, so that {@code incidents=collapse} costs an answer nothing: one copy counts every
 * ticket, the other an outage once ({@link Incidents}). Both follow the feed as one listener and share one copy
 * of the tickets' facts ({@link FactsReadModel#shareFacts}): each change is applied once and counted by both. The
 * price is the memory of a second set of counts; collapsing on demand would instead cost every answer a pass over
 * the linked tickets, and percentiles cannot be corrected by subtraction.
 */
public record CountedTwice<M extends FactsReadModel>(M eachTicket, M outageOnce) implements ChangeListener {

    public CountedTwice {
        if (eachTicket.incidents() != Incidents.EACH || outageOnce.incidents() != Incidents.COLLAPSE) {
            throw new IllegalArgumentException("Expected a model counting each ticket, then one collapsing incidents");
        }
        outageOnce.shareFacts(eachTicket);
    }

    /** The copy that counts as {@code incidents} says. */
    public M counting(Incidents incidents) {
        return incidents == Incidents.COLLAPSE ? outageOnce : eachTicket;
    }

    @Override
    public void reset() {
        eachTicket.reset();
    }

    @Override
    public void load(TicketFacts ticket) {
        eachTicket.load(ticket);
    }

    @Override
    public void loaded() {
        eachTicket.loaded();
    }

    @Override
    public void apply(ChangeEvent event) {
        eachTicket.apply(event);
    }
}
