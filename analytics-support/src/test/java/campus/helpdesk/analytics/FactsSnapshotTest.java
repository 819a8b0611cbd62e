package campus.helpdesk.analytics;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.FactsSnapshot;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snapshot's line format (ticket-api), from the side that reads it. */
class FactsSnapshotTest {

    private static final Instant OPENED = Instant.parse("2026-04-01T08:00:00.250Z");

    private static TicketFacts roundTrip(TicketFacts facts) {
        StringBuilder line = new StringBuilder();
        FactsSnapshot.appendLine(line, facts);
        assertThat(line.charAt(line.length() - 1)).isEqualTo('\n');
        String text = line.substring(0, line.length() - 1);
        assertThat(text).doesNotContain("\n").doesNotContain("\r");
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(text)).as("ASCII: %s", text).isTrue();
        return FactsSnapshot.parseLine(text);
    }

    @Test
    void everyFieldSurvivesALineIncludingAssigneeAndDueTimes() {
        TicketFacts facts = new TicketFacts(42, Category.SERVICES, TicketStatus.CLOSED, Priority.HIGH, OPENED,
                OPENED.plusSeconds(7200), OPENED.plusSeconds(600), 9, "Ada Lovelace", OPENED.plusSeconds(3600),
                OPENED.plusSeconds(8 * 3600));
        assertThat(roundTrip(facts)).isEqualTo(facts);
    }

    @Test
    void missingTimesAndNoAssigneeStayNull() {
        TicketFacts facts = new TicketFacts(1, Category.IT, TicketStatus.OPEN, Priority.LOW, OPENED, null, null, 1,
                null, null, null);
        assertThat(roundTrip(facts)).isEqualTo(facts);
    }

    @Test
    void namesWithCommasBackslashesLineBreaksAndAccentsComeBackAsTheyWere() {
        for (String name : new String[]{"Smith, Jane", "back\\slash", "two\nlines\r", "José Müller", "李雷", "\\u0041"}) {
            TicketFacts facts = new TicketFacts(7, Category.FACILITY, TicketStatus.ACTIVE, Priority.MEDIUM, OPENED,
                    null, null, 3, name, null, OPENED.plusSeconds(60));
            assertThat(roundTrip(facts)).as(name).isEqualTo(facts);
        }
    }

    @Test
    void aLineOfTheOlderEightFieldFormIsReadWithoutAssigneeAndDueTimes() {
        TicketFacts facts = FactsSnapshot.parseLine("5,1,2,0," + OPENED.toEpochMilli() + ",,,4");
        assertThat(facts).isEqualTo(new TicketFacts(5, Category.IT, TicketStatus.CLOSED, Priority.LOW, OPENED, null,
                null, 4, null, null, null));
    }

    @Test
    void aBrokenEscapeIsRefusedNotGuessed() {
        assertThatThrownBy(() -> FactsSnapshot.parseLine("5,1,2,0,1,,,4,,,bad\\u12"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactsSnapshot.parseLine("5,1,2,0,1,,,4,,,bad\\x0041"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIncidentATicketIsLinkedToSurvivesALineWithAndWithoutAnAssignee() {
        for (String name : new String[]{null, "Smith, Jane", "back\\slash \\i9"}) {
            TicketFacts facts = new TicketFacts(8, Category.IT, TicketStatus.CLOSED, Priority.HIGH, OPENED,
                    OPENED.plusSeconds(60), null, 2, name, null, null, 3L);
            assertThat(roundTrip(facts)).as(name).isEqualTo(facts);
        }
    }

    @Test
    void aLineOfTheElevenFieldFormBeforeIncidentsIsReadWithoutAnIncident() {
        TicketFacts facts = FactsSnapshot.parseLine("5,1,2,0," + OPENED.toEpochMilli() + ",,,4,,,Smith, Jane");
        assertThat(facts.assignee()).isEqualTo("Smith, Jane");
        assertThat(facts.incidentId()).isNull();
    }

    @Test
    void aBrokenIncidentIsRefusedNotGuessed() {
        assertThatThrownBy(() -> FactsSnapshot.parseLine("5,1,2,0,1,,,4,,,Ada\\i"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactsSnapshot.parseLine("5,1,2,0,1,,,4,,,\\i3,x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
