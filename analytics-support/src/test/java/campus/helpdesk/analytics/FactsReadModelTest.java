package campus.helpdesk.analytics;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FactsReadModelTest {

    /** Counts OPEN tickets: enough to see every replacement rule. */
    static final class OpenCounter extends FactsReadModel {
        int open;

        @Override
        protected void added(TicketFacts ticket) {
            open += ticket.status() == TicketStatus.OPEN ? 1 : 0;
        }

        @Override
        protected void removed(TicketFacts ticket) {
            open -= ticket.status() == TicketStatus.OPEN ? 1 : 0;
        }

        @Override
        protected void cleared() {
            open = 0;
        }
    }

    private final OpenCounter model = new OpenCounter();

    private static TicketFacts facts(long id, TicketStatus status, long version) {
        return new TicketFacts(id, Category.FACILITY, status, Priority.HIGH, Instant.parse("2026-01-01T00:00:00Z"),
                status == TicketStatus.CLOSED ? Instant.parse("2026-01-02T00:00:00Z") : null, null, version, null, null, null);
    }

    private static ChangeEvent event(long id, TicketFacts facts) {
        return new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.STATUS_CHANGED, id, Instant.now(),
                "staff", false, facts);
    }

    @Test
    void newerFactsReplaceOlderOnesOfTheSameTicket() {
        model.apply(event(1, facts(1, TicketStatus.OPEN, 1)));
        model.apply(event(1, facts(1, TicketStatus.ACTIVE, 2)));
        assertThat(model.open).isZero();
        assertThat(model.tickets()).isEqualTo(1);
    }

    @Test
    void factsOlderThanTheHeldOnesAreIgnored() {
        model.load(facts(1, TicketStatus.ACTIVE, 3));
        model.apply(event(1, facts(1, TicketStatus.OPEN, 1)));
        assertThat(model.open).isZero();
    }

    @Test
    void theSameEventAppliedTwiceCountsOnce() {
        ChangeEvent created = event(1, facts(1, TicketStatus.OPEN, 1));
        model.apply(created);
        model.apply(created);
        assertThat(model.open).isEqualTo(1);
    }

    @Test
    void deletedTicketsStopCountingAndAreForgotten() {
        model.apply(event(1, facts(1, TicketStatus.OPEN, 1)));
        model.apply(event(1, null));
        model.apply(event(2, null));
        assertThat(model.open).isZero();
        assertThat(model.tickets()).isZero();
    }

    @Test
    void resetForgetsEverything() {
        model.load(facts(1, TicketStatus.OPEN, 1));
        model.reset();
        model.loaded();
        assertThat(model.open).isZero();
        assertThat(model.tickets()).isZero();
    }

    @Test
    void factsStoreKeepsEveryFieldIncludingMissingTimes() {
        FactsStore store = new FactsStore();
        TicketFacts closed = new TicketFacts(5000, Category.SERVICES, TicketStatus.CLOSED, Priority.MEDIUM,
                Instant.ofEpochMilli(10), Instant.ofEpochMilli(20), null, 7, null, null, null);
        store.put(closed);
        assertThat(store.get(5000)).isEqualTo(closed);
        assertThat(store.get(5001)).isNull();
        store.remove(5000);
        assertThat(store.get(5000)).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void factsStoreKeepsAssigneesAndDueTimesNearAndFarFromTheOpening() {
        FactsStore store = new FactsStore();
        Instant opened = Instant.parse("2026-03-01T09:00:00.123Z");
        TicketFacts near = new TicketFacts(1, Category.IT, TicketStatus.ACTIVE, Priority.HIGH, opened, null,
                null, 2, "Ada Lovelace", opened.plusSeconds(3600), opened.plusSeconds(8 * 3600));
        TicketFacts far = new TicketFacts(2, Category.IT, TicketStatus.OPEN, Priority.LOW, opened, null, null, 1,
                "Ada Lovelace", opened.plus(java.time.Duration.ofDays(30)), opened.plus(java.time.Duration.ofDays(400)));
        TicketFacts before = new TicketFacts(3, Category.IT, TicketStatus.OPEN, Priority.LOW, opened, null, null, 1,
                "Grace", opened.minusMillis(5), null);
        store.put(near);
        store.put(far);
        store.put(before);
        assertThat(store.get(1)).isEqualTo(near);
        assertThat(store.get(2)).isEqualTo(far);
        assertThat(store.get(3)).isEqualTo(before);
        TicketFacts handedOverAndNoLongerFar = new TicketFacts(2, Category.IT, TicketStatus.ACTIVE, Priority.HIGH,
                opened, null, null, 3, "Grace", opened.plusSeconds(60), null);
        store.put(handedOverAndNoLongerFar);
        assertThat(store.get(2)).isEqualTo(handedOverAndNoLongerFar);
        store.remove(2);
        store.put(new TicketFacts(2, Category.IT, TicketStatus.OPEN, Priority.LOW, opened, null, null, 1, null, null,
                null));
        assertThat(store.get(2).assignee()).isNull();
        assertThat(store.get(2).resolutionDueAt()).isNull();
    }
}
