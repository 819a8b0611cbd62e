package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.ChangeEvent;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.HistoryEntry;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import campus.helpdesk.ticket.feed.FeedSequencer;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/tickets/{id}/assignee}: staff hand ACTIVE tickets to each other, and everyone can see it. */
@MicronautTest(transactional = false)
class HandoverTest extends ApiTest {

    private static final Api.As DAVIDE = Api.As.staff("Davide Staff");

    @Inject
    FeedSequencer sequencer;

    @Test
    void staffHandAnActiveTicketOverAndTheHistoryRecordsWhoHandedItToWhom() {
        Ticket active = createIn(TicketStatus.ACTIVE);

        Api.Answer answer = api.post(STAFF, "/api/tickets/" + active.id() + "/assignee",
                Map.of("assignee", DAVIDE.user()));

        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        Ticket handed = answer.as(Ticket.class);
        assertThat(handed.assignee()).isEqualTo(DAVIDE.user());
        assertThat(handed.version()).isEqualTo(active.version() + 1);
        assertThat(handed.status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(handed.sla()).as("a handed-over ticket is still judged").isNotNull();
        assertThat(api.get(STUDENT, "/api/tickets/" + active.id()).as(Ticket.class).assignee())
                .isEqualTo(DAVIDE.user());
        List<HistoryEntry> history = api.get(STUDENT, "/api/tickets/" + active.id() + "/history")
                .as(Argument.listOf(HistoryEntry.class));
        HistoryEntry last = history.getLast();
        assertThat(last.type()).isEqualTo(EventType.HANDED_OVER);
        assertThat(last.actor()).isEqualTo(STAFF.user());
        assertThat(last.changes()).containsExactly(new FieldChange("assignee", STAFF.user(), DAVIDE.user()));
    }

    @Test
    void aNameTypedWithACombiningAccentIsStoredComposedAndFoundSo() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        Ticket handed = api.post(STAFF, "/api/tickets/" + ticket.id() + "/assignee",
                Map.of("assignee", "Jose\u0301 Nun\u0303ez")).as(Ticket.class);
        assertThat(handed.assignee()).isEqualTo("Jos\u00e9 Nu\u00f1ez");

        Api.Answer found = api.get(STAFF, "/api/tickets?assignee=Jose%CC%81+Nun%CC%83ez");
        assertThat(found.status).as(found.toString()).isEqualTo(200);
        assertThat(found.toString()).contains("\"id\":" + ticket.id() + ",");
    }

    /** A name pasted with a zero-width space or a no-break space at its ends is the name itself, as at sign-in. */
    @Test
    void aNamePastedWithInvisibleCharactersAtItsEndsIsStoredWithoutThem() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        Ticket handed = api.post(STAFF, "/api/tickets/" + ticket.id() + "/assignee",
                Map.of("assignee", "\u200bMira Kade\u00a0\ufeff")).as(Ticket.class);
        assertThat(handed.assignee()).isEqualTo("Mira Kade");
    }

    @Test
    void aNameTypedInAnotherCaseReachesTheStaffMemberAsTheySpellItThemselves() {
        Ticket davides = create();
        assertThat(api.post(DAVIDE, "/api/tickets/" + davides.id() + "/status", Map.of("status", "ACTIVE")).status)
                .as("Davide takes a ticket under his own spelling").isEqualTo(200);
        Ticket other = createIn(TicketStatus.ACTIVE);

        Ticket toDavide = api.post(STAFF, "/api/tickets/" + other.id() + "/assignee",
                Map.of("assignee", "  DAVIDE staff ")).as(Ticket.class);
        assertThat(toDavide.assignee()).isEqualTo(DAVIDE.user());

        Ticket back = api.post(DAVIDE, "/api/tickets/" + other.id() + "/assignee",
                Map.of("assignee", STAFF.user().toLowerCase(java.util.Locale.ROOT))).as(Ticket.class);
        assertThat(back.assignee()).as("as its owner spells it on the tickets they took").isEqualTo(STAFF.user());

        Ticket self = api.post(STAFF, "/api/tickets/" + other.id() + "/assignee",
                Map.of("assignee", STAFF.user().toUpperCase(java.util.Locale.ROOT))).as(Ticket.class);
        assertThat(self.assignee()).as("the caller's own spelling when the name is theirs").isEqualTo(STAFF.user());

        Ticket stranger = api.post(STAFF, "/api/tickets/" + other.id() + "/assignee",
                Map.of("assignee", "Nadia Newcomer")).as(Ticket.class);
        assertThat(stranger.assignee()).as("a name nobody has yet, as typed").isEqualTo("Nadia Newcomer");
    }

    @Test
    void aSpellingOnlyAHandoverGaveIsNotTakenUpByTheNextHandover() {
        Api.As carol = Api.As.staff("Carol Keane");
        Ticket first = createIn(TicketStatus.ACTIVE);
        Ticket second = createIn(TicketStatus.ACTIVE);
        assertThat(api.post(STAFF, "/api/tickets/" + first.id() + "/assignee", Map.of("assignee", "carol keane"))
                .as(Ticket.class).assignee()).as("a typo, stored as typed: nobody spells it otherwise yet")
                .isEqualTo("carol keane");

        Ticket right = api.post(STAFF, "/api/tickets/" + second.id() + "/assignee",
                Map.of("assignee", carol.user())).as(Ticket.class);
        assertThat(right.assignee()).as("the correct spelling stays, and reaches Carol's Mine").isEqualTo(carol.user());
        assertThat(api.get(carol, "/api/tickets?assignee=me&status=ACTIVE").as(TicketPage.class).items())
                .extracting(Ticket::id).contains(second.id());

        assertThat(api.post(carol, "/api/tickets/" + second.id() + "/messages",
                Map.of("body", "On it.", "internal", false)).status).isEqualTo(201);
        Ticket third = createIn(TicketStatus.ACTIVE);
        assertThat(api.post(STAFF, "/api/tickets/" + third.id() + "/assignee", Map.of("assignee", "CAROL KEANE"))
                .as(Ticket.class).assignee()).as("once she answered under it, her spelling").isEqualTo(carol.user());
    }

    @Test
    void aNameTypedAsItsOwnerSpellsItStaysAsTypedBesideAnotherSpellingInUse() {
        Api.As marco = Api.As.staff("Marco Bianchi");
        Api.As lower = Api.As.staff("marco bianchi");
        for (Api.As who : List.of(marco, lower)) {
            assertThat(api.post(who, "/api/tickets/" + create().id() + "/status", Map.of("status", "ACTIVE")).status)
                    .isEqualTo(200);
        }
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        assertThat(api.post(STAFF, "/api/tickets/" + ticket.id() + "/assignee", Map.of("assignee", marco.user()))
                .as(Ticket.class).assignee()).as("not the spelling that acted last").isEqualTo(marco.user());
    }

    @Test
    void theHandoverReachesTheFeedWithTheNewAssigneeInItsFacts() throws Exception {
        Ticket active = createIn(TicketStatus.ACTIVE);
        sequencer.sweep();
        String cursor = api.get(FEED, "/api/changes?after=0&limit=1000&waitMs=0").as(ChangePage.class).next();

        api.post(STAFF, "/api/tickets/" + active.id() + "/assignee", Map.of("assignee", DAVIDE.user()));
        sequencer.sweep();

        List<ChangeEvent> events = api.get(FEED, "/api/changes?after=" + cursor + "&limit=100&waitMs=0")
                .as(ChangePage.class).events();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.HANDED_OVER);
            assertThat(event.ticketId()).isEqualTo(active.id());
            assertThat(event.actor()).isEqualTo(STAFF.user());
            assertThat(event.ticket().assignee()).isEqualTo(DAVIDE.user());
            assertThat(event.ticket().firstResponseDueAt()).isEqualTo(active.firstResponseDueAt());
            assertThat(event.ticket().resolutionDueAt()).isEqualTo(active.resolutionDueAt());
        });
    }

    @Test
    void onlyActiveTicketsAreHandedOverAndTheRefusalNamesTheStatus() {
        Ticket open = createIn(TicketStatus.OPEN);
        Ticket closed = createIn(TicketStatus.CLOSED);

        assertProblem(api.post(STAFF, "/api/tickets/" + open.id() + "/assignee", Map.of("assignee", "Davide")),
                409, "is OPEN");
        assertProblem(api.post(STAFF, "/api/tickets/" + closed.id() + "/assignee", Map.of("assignee", "Davide")),
                409, "is CLOSED");
        assertThat(api.get(STAFF, "/api/tickets/" + open.id()).as(Ticket.class).version()).isEqualTo(open.version());
    }

    @Test
    void studentsCannotHandTicketsOver() {
        Ticket active = createIn(TicketStatus.ACTIVE);

        Api.Answer answer = api.post(STUDENT, "/api/tickets/" + active.id() + "/assignee",
                Map.of("assignee", STUDENT.user()));

        assertThat(answer.status).as(answer.toString()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(api.get(STAFF, "/api/tickets/" + active.id()).as(Ticket.class).assignee())
                .isEqualTo(STAFF.user());
    }

    @Test
    void aStaleIfMatchIsRefusedAndAnUnknownTicketIsNotFound() {
        Ticket active = createIn(TicketStatus.ACTIVE);

        Api.Answer stale = api.send(STAFF, "POST", "/api/tickets/" + active.id() + "/assignee",
                Map.of("assignee", DAVIDE.user()), Map.of("If-Match", String.valueOf(active.version() - 1)));
        assertProblem(stale, 409, "current version is " + active.version());
        Api.Answer current = api.send(STAFF, "POST", "/api/tickets/" + active.id() + "/assignee",
                Map.of("assignee", DAVIDE.user()), Map.of("If-Match", String.valueOf(active.version())));
        assertThat(current.status).as(current.toString()).isEqualTo(200);

        assertProblem(api.post(STAFF, "/api/tickets/987654/assignee", Map.of("assignee", "Davide")), 404,
                "does not exist");
    }

    @Test
    void handingATicketToWhoeverHasItChangesAndRecordsNothing() {
        Ticket active = createIn(TicketStatus.ACTIVE);

        Ticket same = api.post(STAFF, "/api/tickets/" + active.id() + "/assignee", Map.of("assignee", STAFF.user()))
                .as(Ticket.class);

        assertThat(same.version()).isEqualTo(active.version());
        assertThat(api.get(STAFF, "/api/tickets/" + active.id() + "/history").as(Argument.listOf(HistoryEntry.class)))
                .extracting(HistoryEntry::type).doesNotContain(EventType.HANDED_OVER);
    }

    @Test
    void aBlankOrMissingAssigneeIsBadInput() {
        Ticket active = createIn(TicketStatus.ACTIVE);
        for (Object body : List.of(Map.of("assignee", "  "), Map.of(), Map.of("assignee", "a\u0000b"),
                Map.of("assignee", "Mal\u009bStaff"))) {
            Api.Answer answer = api.post(STAFF, "/api/tickets/" + active.id() + "/assignee", body);
            assertThat(answer.status).as(answer.toString()).isEqualTo(400);
            assertThat(answer.map().get("field")).as(answer.toString()).isEqualTo("assignee");
        }
    }
}
