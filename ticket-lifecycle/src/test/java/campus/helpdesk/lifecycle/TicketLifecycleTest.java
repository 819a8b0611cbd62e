package campus.helpdesk.lifecycle;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.classify.TicketClassifier;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps of a ticket's life, without a database: what each does to the ticket and what it records. */
class TicketLifecycleTest {

    private static final Actor ADA = new Actor("Ada", Role.STUDENT);
    private static final Actor CARLA = new Actor("Carla", Role.STAFF);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ServiceLevels LEVELS = ServiceLevels.defaults();

    @Test
    void filingOpensAnAutomaticallyCategorisedTicketAtVersionOneAndRecordsCategoryAndPriority() {
        Change opened = open(new NewTicket("Heating off", "Room C3 is cold", "  Building C ", Priority.HIGH, null),
                guess(Category.FACILITY, 0.93, null));
        Ticket t = opened.ticket();
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.version()).isEqualTo(1);
        assertThat(t.location()).isEqualTo("Building C");
        assertThat(t.categorySource()).isEqualTo(CategorySource.AUTO);
        assertThat(t.needsReview()).isFalse();
        assertThat(t.openedAt()).isEqualTo(T0).isEqualTo(t.updatedAt());
        assertThat(t.assignee()).isNull();
        assertThat(t.firstResponseAt()).isNull();
        assertThat(t.closedAt()).isNull();
        assertThat(opened.event().type()).isEqualTo(EventType.CREATED);
        assertThat(opened.event().actor()).isEqualTo(ADA);
        assertThat(opened.event().at()).isEqualTo(T0);
        assertThat(opened.event().facts()).isEqualTo(t);
        assertThat(opened.event().changes()).containsExactly(new FieldChange("category", null, "FACILITY"),
                new FieldChange("priority", null, "HIGH"));
    }

    @Test
    void theReportersPriorityWinsTheClassifiersSuggestionFillsAGapAndMediumIsTheDefault() {
        NewTicket without = new NewTicket("Smoke", "Smoke in the lab", null, null, null);
        assertThat(open(without, guess(Category.FACILITY, 0.9, Priority.HIGH)).ticket().priority())
                .isEqualTo(Priority.HIGH);
        assertThat(open(without, guess(Category.FACILITY, 0.9, null)).ticket().priority())
                .isEqualTo(Priority.MEDIUM);
        NewTicket low = new NewTicket("Smoke", "Smoke in the lab", null, Priority.LOW, null);
        assertThat(open(low, guess(Category.FACILITY, 0.9, Priority.HIGH)).ticket().priority())
                .isEqualTo(Priority.LOW);
    }

    @Test
    void aTicketWaitsForReviewExactlyWhenTheClassifierWouldFlagItAndNeverOnceStaffDecided() {
        double below = Math.nextDown(TicketClassifier.REVIEW_THRESHOLD);
        assertThat(open(filing(), guess(Category.IT, below, null)).ticket().needsReview()).isTrue();
        assertThat(open(filing(), guess(Category.IT, TicketClassifier.REVIEW_THRESHOLD, null)).ticket().needsReview())
                .isFalse();
        assertThat(TicketLifecycle.needsReview(CategorySource.STAFF, 0.1)).isFalse();
    }

    @Test
    void everyMessageTheReporterCanReadIsANewVersionAndTheFirstStaffReplyIsTheFirstResponse() {
        Ticket t = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        Change student = TicketLifecycle.message(t, 11, ADA, false, T0.plusSeconds(60));
        assertThat(student.ticket().version()).isEqualTo(2);
        assertThat(student.ticket().updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(student.ticket().firstResponseAt()).isNull();
        assertThat(student.event().changes()).containsExactly(new FieldChange("message", null, "11"));

        Change staff = TicketLifecycle.message(student.ticket(), 12, CARLA, false, T0.plusSeconds(120));
        assertThat(staff.ticket().version()).isEqualTo(3);
        assertThat(staff.ticket().firstResponseAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(staff.event().changes()).containsExactly(new FieldChange("message", null, "12"),
                new FieldChange("firstResponseAt", null, "2026-03-01T10:02:00Z"));

        Change again = TicketLifecycle.message(staff.ticket(), 13, CARLA, false, T0.plusSeconds(180));
        assertThat(again.ticket().version()).isEqualTo(4);
        assertThat(again.ticket().firstResponseAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(again.event().changes()).hasSize(1);
    }

    @Test
    void anInternalNoteLeavesTheTicketAsItWasAndIsAnInternalEvent() {
        Ticket t = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        Change note = TicketLifecycle.message(t, 5, CARLA, true, T0.plusSeconds(60));
        assertThat(note.ticket()).isEqualTo(t);
        assertThat(note.event().internal()).isTrue();
        assertThat(note.event().facts()).isEqualTo(t);
        assertThat(note.event().at()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void takingAssignsTheTakerAndClosingRecordsWhen() {
        Ticket t = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        Change taken = TicketLifecycle.move(t, TicketStatus.ACTIVE, CARLA, T0.plusSeconds(60));
        assertThat(taken.ticket().assignee()).isEqualTo("Carla");
        assertThat(taken.ticket().version()).isEqualTo(2);
        assertThat(taken.event().changes()).containsExactly(new FieldChange("status", "OPEN", "ACTIVE"),
                new FieldChange("assignee", null, "Carla"));
        Change closed = TicketLifecycle.move(taken.ticket(), TicketStatus.CLOSED, CARLA, T0.plusSeconds(120));
        assertThat(closed.ticket().closedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(closed.event().changes()).containsExactly(new FieldChange("status", "ACTIVE", "CLOSED"),
                new FieldChange("closedAt", null, "2026-03-01T10:02:00Z"));
        assertThatThrownBy(() -> TicketLifecycle.move(t, TicketStatus.CLOSED, CARLA, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TicketLifecycle.nextStatus(TicketStatus.CLOSED)).isNull();
    }

    @Test
    void aStaffCategoryIsCertainEndsTheReviewAndAloneIsACategoryCorrection() {
        Ticket t = open(filing(), guess(Category.IT, 0.55, null)).ticket();
        TicketPatch toFacility = new TicketPatch(null, null, null, null, Category.FACILITY, null);
        Change fixed = TicketLifecycle.edit(t, TicketEdit.of(t, toFacility), null, CARLA, T0.plusSeconds(60), LEVELS);
        assertThat(fixed.ticket().category()).isEqualTo(Category.FACILITY);
        assertThat(fixed.ticket().categoryConfidence()).isEqualTo(1.0);
        assertThat(fixed.ticket().categorySource()).isEqualTo(CategorySource.STAFF);
        assertThat(fixed.ticket().needsReview()).isFalse();
        assertThat(fixed.event().type()).isEqualTo(EventType.CATEGORY_CORRECTED);
        assertThat(fixed.event().changes()).containsExactly(new FieldChange("category", "IT", "FACILITY"),
                new FieldChange("categorySource", "AUTO", "STAFF"));

        TicketPatch withPriority = new TicketPatch(null, null, null, Priority.HIGH, Category.SERVICES, null);
        assertThat(TicketLifecycle.edit(t, TicketEdit.of(t, withPriority), null, CARLA, T0, LEVELS).event().type())
                .isEqualTo(EventType.EDITED);
    }

    @Test
    void aNewTextIsClassifiedAgainUnlessAPersonChoseTheCategory() {
        Ticket t = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        TicketEdit edit = TicketEdit.of(t, new TicketPatch(null, "The radiator leaks", null, null, null, null));
        assertThat(edit.needsClassifying(t)).isTrue();
        Change edited = TicketLifecycle.edit(t, edit, guess(Category.FACILITY, 0.6, null), ADA, T0.plusSeconds(60), LEVELS);
        assertThat(edited.ticket().category()).isEqualTo(Category.FACILITY);
        assertThat(edited.ticket().needsReview()).isTrue();
        assertThat(edited.event().type()).isEqualTo(EventType.EDITED);
        assertThat(edited.event().changes()).extracting(FieldChange::field).containsExactly("description", "category");

        Ticket staffChose = TicketLifecycle.edit(t, TicketEdit.of(t,
                new TicketPatch(null, null, null, null, Category.IT, null)), null, CARLA, T0, LEVELS).ticket();
        assertThat(TicketEdit.of(staffChose, new TicketPatch("New title", null, null, null, null, null))
                .needsClassifying(staffChose)).isFalse();
        assertThat(TicketEdit.of(t, new TicketPatch(t.title(), null, null, null, null, null)).isEmpty()).isTrue();
    }

    @Test
    void deletingMovesTheVersionAndRecordsNoFacts() {
        Ticket t = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        Change deleted = TicketLifecycle.delete(t, CARLA, T0.plusSeconds(60));
        assertThat(deleted.ticket().version()).isEqualTo(2);
        assertThat(deleted.event().type()).isEqualTo(EventType.DELETED);
        assertThat(deleted.event().facts()).isNull();
        assertThat(deleted.event().changes()).containsExactly(new FieldChange("deleted", null, "true"));
    }

    @Test
    void theRowsLanguageIsGuessedFromItsText() {
        assertThat(TicketText.language("Ascensore bloccato", "L'ascensore non funziona e la porta è chiusa"))
                .isEqualTo("italian");
        assertThat(TicketText.language("WLAN", "eduroam")).isEqualTo("simple");
    }

    @Test
    void filingSetsTheDueTimesOfItsPriorityFromTheOpeningTime() {
        Change opened = open(new NewTicket("Smoke", "Smoke in the lab", null, Priority.HIGH, null),
                guess(Category.FACILITY, 0.9, null));
        Deadlines expected = LEVELS.deadlines(Priority.HIGH, T0);
        assertThat(opened.deadlines()).isEqualTo(expected);
        assertThat(opened.deadlines().firstResponseDue()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(opened.deadlines().resolutionAtRisk()).isEqualTo(T0.plus(Duration.ofMinutes(384)));
        assertThat(opened.ticket().firstResponseDueAt()).isEqualTo(expected.firstResponseDue());
        assertThat(opened.ticket().resolutionDueAt()).isEqualTo(expected.resolutionDue());
        assertThat(opened.event().facts().resolutionDueAt()).isEqualTo(expected.resolutionDue());
    }

    @Test
    void aPriorityChangeRecomputesTheDueTimesFromTheOpeningTimeAndOtherEditsKeepThem() {
        Ticket t = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        Instant later = T0.plus(Duration.ofHours(5));
        Change raised = TicketLifecycle.edit(t, TicketEdit.of(t,
                new TicketPatch(null, null, null, Priority.HIGH, null, null)), null, ADA, later, LEVELS);
        assertThat(raised.deadlines()).isEqualTo(LEVELS.deadlines(Priority.HIGH, T0));
        assertThat(raised.ticket().firstResponseDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(raised.ticket().resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));

        Change retitled = TicketLifecycle.edit(raised.ticket(), TicketEdit.of(raised.ticket(),
                new TicketPatch("Printer jam, tray 2", null, null, null, null, null)), null, ADA, later, LEVELS);
        assertThat(retitled.deadlines()).as("the stored targets stand").isNull();
        assertThat(retitled.ticket().firstResponseDueAt()).isEqualTo(raised.ticket().firstResponseDueAt());
    }

    @Test
    void aReportersOwnCategoryIsCertainNeverReviewedAndKeepsTheClassifiersGuessOut() {
        NewTicket chosen = new NewTicket("Printer jam", "The printer in the library jams", null, null,
                Category.FACILITY);
        Change opened = open(chosen, guess(Category.IT, 0.55, null));
        Ticket t = opened.ticket();
        assertThat(t.category()).isEqualTo(Category.FACILITY);
        assertThat(t.categorySource()).isEqualTo(CategorySource.REPORTER);
        assertThat(t.categoryConfidence()).isEqualTo(1.0);
        assertThat(t.needsReview()).isFalse();
        assertThat(opened.event().changes()).contains(new FieldChange("category", null, "FACILITY"));
        assertThat(TicketEdit.of(t, new TicketPatch("Printer jam again", null, null, null, null, null))
                .needsClassifying(t)).as("a person chose it: a text edit does not reclassify").isFalse();
    }

    @Test
    void handingOverGivesAnActiveTicketItsNewAssigneeAndRecordsWhoHandedItToWhom() {
        Ticket open = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        Ticket active = TicketLifecycle.move(open, TicketStatus.ACTIVE, CARLA, T0.plusSeconds(60)).ticket();
        Instant at = T0.plusSeconds(120);
        Change handed = TicketLifecycle.handOver(active, "Bruno", CARLA, at);
        assertThat(handed.ticket().assignee()).isEqualTo("Bruno");
        assertThat(handed.ticket().version()).isEqualTo(active.version() + 1);
        assertThat(handed.ticket().updatedAt()).isEqualTo(at);
        assertThat(handed.ticket().status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(handed.ticket().resolutionDueAt()).isEqualTo(active.resolutionDueAt());
        assertThat(handed.deadlines()).isNull();
        assertThat(handed.event().type()).isEqualTo(EventType.HANDED_OVER);
        assertThat(handed.event().actor()).isEqualTo(CARLA);
        assertThat(handed.event().changes()).containsExactly(new FieldChange("assignee", "Carla", "Bruno"));
        assertThat(handed.event().facts()).isEqualTo(handed.ticket());

        assertThatThrownBy(() -> TicketLifecycle.handOver(open, "Bruno", CARLA, at))
                .isInstanceOf(IllegalArgumentException.class);
        Ticket closed = TicketLifecycle.move(active, TicketStatus.CLOSED, CARLA, at).ticket();
        assertThatThrownBy(() -> TicketLifecycle.handOver(closed, "Bruno", CARLA, at))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepsOtherThanFilingAndPriorityChangesCarryTheDueTimesAlong() {
        Ticket t = open(filing(), guess(Category.IT, 0.9, null)).ticket();
        Ticket active = TicketLifecycle.move(t, TicketStatus.ACTIVE, CARLA, T0.plusSeconds(60)).ticket();
        Ticket answered = TicketLifecycle.message(active, 1, CARLA, false, T0.plusSeconds(90)).ticket();
        Ticket closed = TicketLifecycle.move(answered, TicketStatus.CLOSED, CARLA, T0.plusSeconds(120)).ticket();
        for (Ticket after : new Ticket[]{active, answered, closed}) {
            assertThat(after.firstResponseDueAt()).isEqualTo(t.firstResponseDueAt());
            assertThat(after.resolutionDueAt()).isEqualTo(t.resolutionDueAt());
        }
    }

    private static Change open(NewTicket request, Classification classification) {
        return TicketLifecycle.open(42, request, classification, ADA, T0, LEVELS);
    }

    private static NewTicket filing() {
        return new NewTicket("Printer jam", "The printer in the library jams", null, null, null);
    }

    private static Classification guess(Category category, double confidence, Priority suggested) {
        return new Classification(category, confidence, Map.of(category, confidence),
                TicketClassifier.needsReview(confidence), suggested);
    }
}
