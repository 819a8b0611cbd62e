package campus.helpdesk.analytics;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.feed.ChangeListener;

/**
 * One read model kept twice, so that {@code incidents=collapse} costs an answer nothing: one copy counts every
 * ticket, the other an outage once ({@link Incidents}). Both follow the feed as one listener. The price is the
 * memory and load time of a second model; collapsing on demand would instead cost every answer a pass over the
 * linked tickets, and percentiles cannot be corrected by subtraction.
 */
public record CountedTwice<M extends FactsReadModel>(M eachTicket, M outageOnce) implements ChangeListener {

    public CountedTwice {
        if (eachTicket.incidents() != Incidents.EACH || outageOnce.incidents() != Incidents.COLLAPSE) {
            throw new IllegalArgumentException("Expected a model counting each ticket, then one collapsing incidents");
        }
    }

    /** The copy that counts as {@code incidents} says. */
    public M counting(Incidents incidents) {
        return incidents == Incidents.COLLAPSE ? outageOnce : eachTicket;
    }

    @Override
    public void reset() {
        eachTicket.reset();
        outageOnce.reset();
    }

    @Override
    public void load(TicketFacts ticket) {
        eachTicket.load(ticket);
        outageOnce.load(ticket);
    }

    @Override
    public void loaded() {
        eachTicket.loaded();
        outageOnce.loaded();
    }

    @Override
    public void apply(ChangeEvent event) {
        eachTicket.apply(event);
        outageOnce.apply(event);
    }
}
