package campus.helpdesk.ticket.incident;

import campus.helpdesk.api.Closure;
import campus.helpdesk.api.EventType;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.HistoryEntry;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketCounts;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "This is my problem too": who may join a ticket, and that a follower is told of it like its reporter. */
@MicronautTest(transactional = false)
class FollowersTest extends ApiTest {

    static final Argument<List<HistoryEntry>> HISTORY = Argument.listOf(HistoryEntry.class);
    private static final Argument<List<Closure>> CLOSURES = Argument.listOf(Closure.class);
    private static final Api.As FOLLOWER = Api.As.student("Greta Follower");

    @Test
    void joiningAnOpenTicketIsRecordedOnceAndCounted() {
        Ticket ticket = create();
        assertThat(api.post(FOLLOWER, "/api/tickets/" + ticket.id() + "/followers", null).status).isEqualTo(204);
        assertThat(api.post(FOLLOWER, "/api/tickets/" + ticket.id() + "/followers", null).status)
                .as("a second click changes nothing").isEqualTo(204);
        assertThat(api.post(STAFF, "/api/tickets/" + ticket.id() + "/followers", null).status).isEqualTo(204);

        Ticket after = api.get(STUDENT, "/api/tickets/" + ticket.id()).as(Ticket.class);
        assertThat(after.followerCount()).isEqualTo(2);
        assertThat(after.linkedCount()).isZero();
        assertThat(after.version()).as("joining is no edit: nobody's next write is stale because of it")
                .isEqualTo(ticket.version());
        List<HistoryEntry> joined = api.get(STAFF, "/api/tickets/" + ticket.id() + "/history").as(HISTORY).stream()
                .filter(e -> e.type() == EventType.FOLLOWED).toList();
        assertThat(joined).extracting(HistoryEntry::actor).containsExactly(FOLLOWER.user(), STAFF.user());
        assertThat(joined.get(0).changes()).containsExactly(new FieldChange("follower", null, FOLLOWER.user()));
        assertThat(create().followerCount()).as("nobody follows, nothing linked: the question does not arise")
                .isNull();
    }

    @Test
    void aJoinedTicketIsAmongTheStudentsOwnAndTheyMayReportItAgainOnceClosed() {
        Api.As joiner = Api.As.student("Ines Joiner " + System.nanoTime());
        Ticket ticket = create();
        assertThat(api.post(joiner, "/api/tickets/" + ticket.id() + "/followers", null).status).isEqualTo(204);
        Ticket own = create(joiner, "Lab printer jams", "The printer in lab 3 jams on every page.");

        List<Long> mine = api.get(joiner, "/api/tickets?reporter=me&size=100").as(TicketPage.class).items().stream()
                .map(Ticket::id).toList();
        assertThat(mine).containsExactlyInAnyOrder(ticket.id(), own.id());
        assertThat(api.get(joiner, "/api/tickets/counts").as(TicketCounts.class).byView())
                .containsEntry("mine", 2L);

        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);
        Api.Answer again = api.post(joiner, "/api/tickets", Map.of("title", "Projector still broken",
                "description", "Still no image in B12.", "previousTicketId", ticket.id()));
        assertThat(again.status).as("they were offered \"Still not fixed?\" like its reporter: " + again)
                .isEqualTo(201);
        assertThat(again.as(Ticket.class).previousTicketId()).isEqualTo(ticket.id());
    }

    @Test
    void whoJoinedIsShownToStaffAndToEachFollowerAboutThemselvesOnly() {
        Ticket ticket = create();
        api.post(FOLLOWER, "/api/tickets/" + ticket.id() + "/followers", null);
        Api.As another = Api.As.student("Hugo Follower");
        api.post(another, "/api/tickets/" + ticket.id() + "/followers", null);

        assertThat(joiners(STAFF, ticket)).containsExactly(FOLLOWER.user(), another.user());
        assertThat(joiners(FOLLOWER, ticket)).containsExactly(FOLLOWER.user());
        assertThat(joiners(another, ticket)).containsExactly(another.user());
        assertThat(joiners(STUDENT, ticket)).as("the reporter learns how many joined, not who").isEmpty();
        assertThat(joiners(Api.As.analyst("Ida Analyst"), ticket)).isEmpty();
        assertThat(api.get(STUDENT, "/api/tickets/" + ticket.id()).as(Ticket.class).followerCount()).isEqualTo(2);
    }

    private List<String> joiners(Api.As who, Ticket ticket) {
        return api.get(who, "/api/tickets/" + ticket.id() + "/history").as(HISTORY).stream()
                .filter(e -> e.type() == EventType.FOLLOWED).map(HistoryEntry::actor).toList();
    }

    @Test
    void whoMayNotJoin() {
        Ticket ticket = create();
        assertProblem(api.post(STUDENT, "/api/tickets/" + ticket.id() + "/followers", null), 409,
                "You reported ticket");
        assertThat(api.post(Api.As.analyst("Ana Lyst"), "/api/tickets/" + ticket.id() + "/followers", null).status)
                .isEqualTo(403);
        assertProblem(api.post(FOLLOWER, "/api/tickets/987654/followers", null), 404, "does not exist");
        Ticket closed = createIn(TicketStatus.CLOSED);
        assertProblem(api.post(FOLLOWER, "/api/tickets/" + closed.id() + "/followers", null), 404,
                "does not exist");
        assertProblem(api.post(STAFF, "/api/tickets/" + closed.id() + "/followers", null), 409, "CLOSED");
    }

    @Test
    void aFollowerIsToldLikeTheReporter() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        api.post(FOLLOWER, "/api/tickets/" + ticket.id() + "/followers", null);
        assertThat(unread(FOLLOWER, ticket)).as("nothing new yet").isFalse();
        assertThat(unread(OTHER_STUDENT, ticket)).as("not theirs: the question does not apply").isNull();

        say(STAFF, ticket, "The access point is being replaced");
        assertThat(unread(FOLLOWER, ticket)).isTrue();
        assertThat(api.post(FOLLOWER, "/api/tickets/" + ticket.id() + "/read", null).status).isEqualTo(204);
        assertThat(unread(FOLLOWER, ticket)).isFalse();

        move(ticket.id(), TicketStatus.CLOSED);
        Closure closure = api.get(FOLLOWER, "/api/tickets/" + ticket.id() + "/closure").as(Closure.class);
        assertThat(closure.lastAnswer().body()).isEqualTo("The access point is being replaced");
        assertThat(api.get(FOLLOWER, "/api/tickets/solved").as(CLOSURES)).extracting(Closure::ticketId)
                .containsExactly(ticket.id());
        assertThat(api.get(OTHER_STUDENT, "/api/tickets/" + ticket.id() + "/closure").status).isEqualTo(404);
        assertThat(api.get(OTHER_STUDENT, "/api/tickets/solved").as(CLOSURES)).extracting(Closure::ticketId)
                .doesNotContain(ticket.id());

        assertThat(api.post(FOLLOWER, "/api/tickets/" + ticket.id() + "/read", null).status)
                .as("the follower acknowledges the close").isEqualTo(204);
        assertThat(api.get(FOLLOWER, "/api/tickets/solved").as(CLOSURES)).isEmpty();
        assertThat(api.get(FOLLOWER, "/api/tickets/" + ticket.id()).status)
                .as("the ticket itself stays closed to students").isEqualTo(404);
    }

    @Test
    void theGatewayReadsWhomACloseConcernsAndNobodyElseDoes() {
        Ticket ticket = createIn(TicketStatus.ACTIVE);
        api.post(FOLLOWER, "/api/tickets/" + ticket.id() + "/followers", null);
        api.post(STAFF, "/api/tickets/" + ticket.id() + "/followers", null);
        move(ticket.id(), TicketStatus.CLOSED);

        Closure told = api.get(new Api.As(ServiceRoles.GATEWAY, "gateway"), "/api/tickets/" + ticket.id() + "/closure")
                .as(Closure.class);
        assertThat(told.reporter()).isEqualTo(STUDENT.user());
        assertThat(told.followers()).containsExactlyInAnyOrder(FOLLOWER.user(), STAFF.user());
        assertThat(told.concerns(FOLLOWER.user())).isTrue();
        assertThat(told.concerns(OTHER_STUDENT.user())).isFalse();
        for (Api.As person : List.of(STUDENT, FOLLOWER, STAFF)) {
            assertThat(api.get(person, "/api/tickets/" + ticket.id() + "/closure").as(Closure.class).followers())
                    .as("who else joined is not %s's to know", person.user()).isNull();
        }
    }

    private Boolean unread(Api.As who, Ticket ticket) {
        return api.get(who, "/api/tickets/" + ticket.id()).as(Ticket.class).unread();
    }

    void say(Api.As who, Ticket ticket, String body) {
        Api.Answer answer = api.post(who, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", body));
        assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    }
}
