package campus.helpdesk.analytics;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A read model counting an outage once: an incident stands for its linked tickets while the model holds it. */
class CollapsingReadModelTest {

    /** The ids that count, so every test sees exactly which ticket stands for what. */
    static final class Counted extends FactsReadModel {
        final Set<Long> ids = new HashSet<>();

        Counted(Incidents incidents) {
            super(incidents);
        }

        @Override
        protected void added(TicketFacts ticket) {
            assertThat(ids.add(ticket.id())).as("added twice: %s", ticket.id()).isTrue();
        }

        @Override
        protected void removed(TicketFacts ticket) {
            assertThat(ids.remove(ticket.id())).as("removed but not there: %s", ticket.id()).isTrue();
        }

        @Override
        protected void cleared() {
            ids.clear();
        }
    }

    private final Counted collapsed = new Counted(Incidents.COLLAPSE);
    private final Counted each = new Counted(Incidents.EACH);
    private final CountedTwice<Counted> both = new CountedTwice<>(each, collapsed);

    private static TicketFacts facts(long id, long version, Long incident) {
        return new TicketFacts(id, Category.IT, TicketStatus.OPEN, Priority.HIGH,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id), null, null, version, null, null, null, incident);
    }

    private static ChangeEvent event(long id, TicketFacts facts) {
        return new ChangeEvent("1", facts == null ? EventType.DELETED : EventType.LINKED, id, Instant.now(), "staff",
                false, facts);
    }

    @Test
    void bothWaysOfCountingHoldOneCopyOfTheFactsSoAModelAlreadyHoldingSomeCannotJoin() {
        both.load(facts(1, 1, null));
        assertThat(collapsed.tickets()).isEqualTo(1);
        Counted loaded = new Counted(Incidents.EACH);
        loaded.load(facts(2, 1, null));
        assertThatThrownBy(() -> new CountedTwice<>(loaded, new Counted(Incidents.COLLAPSE)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void linkedTicketsCountOnceThroughTheirIncidentAndEachOnTheirOwnOtherwise() {
        both.apply(event(1, facts(1, 1, null)));
        both.apply(event(2, facts(2, 1, null)));
        both.apply(event(3, facts(3, 1, null)));
        both.apply(event(2, facts(2, 2, 1L)));
        both.apply(event(3, facts(3, 2, 1L)));
        assertThat(collapsed.ids).containsExactly(1L);
        assertThat(each.ids).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(collapsed.incidentSizes()).singleElement()
                .satisfies(size -> assertThat(size.incident().id()).isEqualTo(1L))
                .satisfies(size -> assertThat(size.linked()).isEqualTo(2));
    }

    @Test
    void anUnlinkedTicketCountsOnItsOwnAgain() {
        both.apply(event(1, facts(1, 1, null)));
        both.apply(event(2, facts(2, 1, 1L)));
        both.apply(event(2, facts(2, 2, null)));
        assertThat(collapsed.ids).containsExactlyInAnyOrder(1L, 2L);
        assertThat(collapsed.incidentSizes()).isEmpty();
    }

    @Test
    void aTicketLinkedToAnIncidentTheModelDoesNotHoldCountsOnItsOwnUntilTheIncidentArrives() {
        both.apply(event(5, facts(5, 1, 4L)));
        assertThat(collapsed.ids).containsExactly(5L);
        assertThat(collapsed.incidentSizes()).isEmpty();
        both.apply(event(4, facts(4, 1, null)));
        assertThat(collapsed.ids).containsExactly(4L);
    }

    @Test
    void deletingTheIncidentLetsItsLinkedTicketsCountOnTheirOwn() {
        both.apply(event(1, facts(1, 1, null)));
        both.apply(event(2, facts(2, 1, 1L)));
        both.apply(event(1, null));
        assertThat(collapsed.ids).containsExactly(2L);
        both.apply(event(2, null));
        assertThat(collapsed.ids).isEmpty();
        assertThat(collapsed.tickets()).isZero();
    }

    @Test
    void aSnapshotWithLinkedTicketsBeforeTheirIncidentCollapsesOnceLoaded() {
        both.reset();
        both.load(facts(7, 1, 9L));
        both.load(facts(8, 1, 9L));
        assertThat(collapsed.ids).as("nothing counts while loading").isEmpty();
        both.load(facts(9, 1, null));
        both.load(facts(10, 1, 99L));
        both.loaded();
        assertThat(collapsed.ids).containsExactlyInAnyOrder(9L, 10L);
        assertThat(each.ids).containsExactlyInAnyOrder(7L, 8L, 9L, 10L);
    }

    @Test
    void aRepeatedEventChangesNothing() {
        both.apply(event(1, facts(1, 1, null)));
        both.apply(event(2, facts(2, 2, 1L)));
        both.apply(event(2, facts(2, 2, 1L)));
        both.apply(event(1, facts(1, 1, null)));
        assertThat(collapsed.ids).containsExactly(1L);
        assertThat(collapsed.incidentSizes()).singleElement().extracting(FactsReadModel.IncidentSize::linked)
                .isEqualTo(1);
    }

    @Test
    void thePairMustBeOneModelOfEachKind() {
        assertThatThrownBy(() -> new CountedTwice<>(collapsed, each)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theParameterTakesCollapseOrEachAndNamesItselfOtherwise() {
        assertThat(Incidents.parse(null)).isEqualTo(Incidents.EACH);
        assertThat(Incidents.parse(" Collapse ")).isEqualTo(Incidents.COLLAPSE);
        assertThat(Incidents.parse("each")).isEqualTo(Incidents.EACH);
        assertThatThrownBy(() -> Incidents.parse("once")).hasMessageContaining("incidents");
    }
}
