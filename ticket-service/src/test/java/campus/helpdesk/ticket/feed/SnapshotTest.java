package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.FactsSnapshot;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SnapshotTest extends ApiTest {

    @Inject
    FeedSequencer sequencer;

    @Test
    void theSnapshotHoldsTheFactsOfEveryLiveTicketAndTheCursorToResumeTheFeedFrom() throws Exception {
        Ticket open = create();
        Ticket active = createIn(TicketStatus.ACTIVE);
        Ticket closed = createIn(TicketStatus.CLOSED);
        api.post(STAFF, "/api/tickets/" + active.id() + "/messages", Map.of("body", "On it"));
        Ticket deleted = create();
        api.delete(STAFF, "/api/tickets/" + deleted.id());
        // The sequencer stamps right after each commit, but on its own thread: settle it before the snapshot.
        sequencer.sweep();

        Api.Answer answer = api.get(FEED, "/api/changes/snapshot");
        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        List<String> lines = Arrays.asList(answer.raw.body().split("\n"));
        assertThat(lines.getFirst()).startsWith(FactsSnapshot.CURSOR_PREFIX);
        List<TicketFacts> facts = lines.subList(1, lines.size()).stream().map(FactsSnapshot::parseLine).toList();

        assertThat(facts).extracting(TicketFacts::id).containsExactly(open.id(), active.id(), closed.id());
        TicketFacts activeFacts = facts.get(1);
        Ticket activeNow = api.get(STAFF, "/api/tickets/" + active.id()).as(Ticket.class);
        assertThat(activeFacts.status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(activeFacts.version()).isEqualTo(activeNow.version());
        assertThat(activeFacts.firstResponseAt().toEpochMilli()).isEqualTo(activeNow.firstResponseAt().toEpochMilli());
        assertThat(facts.get(2).closedAt()).isNotNull();
        assertThat(facts.get(0).openedAt().toEpochMilli()).isEqualTo(open.openedAt().toEpochMilli());

        // Nothing ran concurrently, so the snapshot's cursor is the feed's end: resuming there yields nothing.
        String cursor = lines.getFirst().substring(FactsSnapshot.CURSOR_PREFIX.length());
        ChangePage after = api.get(FEED, "/api/changes?after=" + cursor).as(ChangePage.class);
        assertThat(after.events()).isEmpty();
        Ticket later = create();
        sequencer.sweep();
        assertThat(api.get(FEED, "/api/changes?after=" + cursor).as(ChangePage.class).events())
                .extracting(e -> e.ticketId()).containsExactly(later.id());
    }

    @Test
    void studentsCannotReadTheSnapshot() {
        assertProblem(api.get(STUDENT, "/api/changes/snapshot"), 403, "may not use");
        assertProblem(api.get(STAFF, "/api/changes/snapshot"), 403, "may not use");
    }
}
