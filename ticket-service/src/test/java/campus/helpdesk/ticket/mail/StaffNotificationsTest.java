package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff are mailed when someone else writes under an ACTIVE ticket assigned to them, at the address they set for
 * themselves, unless they turned it off. The setting is each staff member's own: nobody else reads or writes it.
 */
@MicronautTest(transactional = false)
class StaffNotificationsTest extends MailTest {

    private static final String ME = "/api/tickets/notifications/me";

    private Api.Answer set(Api.As who, String email, boolean enabled) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("enabled", enabled);
        return api.send(who, "PUT", ME, body, Map.of());
    }

    /** A ticket a student filed and {@code staff} took on (the take makes them its assignee). */
    private Ticket takenBy(Api.As staff, String title) {
        Ticket ticket = create(STUDENT, title, "Nothing works in " + title + ".");
        Api.Answer taken = api.post(staff, "/api/tickets/" + ticket.id() + "/status", Map.of("status", "ACTIVE"));
        assertThat(taken.status).as(taken.toString()).isEqualTo(200);
        Ticket active = taken.as(Ticket.class);
        assertThat(active.assignee()).isEqualTo(staff.user());
        return active;
    }

    @Test
    void theAssigneeIsMailedTheReportersMessageAndAColleaguesNoteButNotTheirOwnWords() throws Exception {
        Api.As dora = Api.As.staff("Dora Desk");
        String to = "dora@staff.campus.test";
        assertThat(set(dora, to, true).status).isEqualTo(200);
        Ticket ticket = takenBy(dora, "Heating in D4");

        say(STUDENT, ticket.id(), "It is 12 degrees in D4 <now>", false);
        say(STAFF, ticket.id(), "Facilities say the valve is stuck", true);
        say(dora, ticket.id(), "A technician is on the way", false);
        say(dora, ticket.id(), "Note to self: check again Friday", true);

        await("two staff mails sent", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() >= 2));
        Thread.sleep(500);
        List<MimeMessage> mails = mailTo(to);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).getSubject()).startsWith("[#" + ticket.id() + "] New message on a ticket assigned "
                + "to you").endsWith("Heating in D4");
        assertThat(mails.get(0).getReplyTo()[0].toString()).as("no ticket token: staff answer in the desk")
                .contains("helpdesk@campus.test").doesNotContain("+t-");
        MimeMultipart first = (MimeMultipart) mails.get(0).getContent();
        assertThat(first.getBodyPart(0).getContent().toString())
                .contains("Ada Student:").contains("It is 12 degrees in D4 <now>")
                .contains("https://helpdesk.campus.test/#/tickets/" + ticket.id());
        assertThat(first.getBodyPart(1).getContent().toString()).contains("&lt;now&gt;");
        assertThat(((MimeMultipart) mails.get(1).getContent()).getBodyPart(0).getContent().toString())
                .contains("Carla Staff:").contains("the valve is stuck");
        assertThat(outbox(ticket.id())).extracting(r -> r.get("kind")).containsOnly("STAFF_MESSAGE");
    }

    @Test
    void anAssigneeWhoTurnedItOffOrGaveNoAddressGetsNothing() throws Exception {
        Api.As off = Api.As.staff("Otto Off");
        assertThat(set(off, "otto@staff.campus.test", false).status).isEqualTo(200);
        Ticket quiet = takenBy(off, "Lift in E1");
        Ticket nobody = takenBy(Api.As.staff("Nina Noaddress"), "Lift in E2");
        say(STUDENT, quiet.id(), "Still stuck", false);
        say(STUDENT, nobody.id(), "Still stuck too", false);
        assertThat(outbox(quiet.id())).isEmpty();
        assertThat(outbox(nobody.id())).isEmpty();
    }

    @Test
    void anOpenTicketHasNoAssigneeToTell() throws Exception {
        Ticket open = create(STUDENT, "Door in F2", "The door in F2 does not close.");
        say(STUDENT, open.id(), "Still open", false);
        assertThat(outbox(open.id())).isEmpty();
    }

    @Test
    void eachStaffMemberReadsAndWritesOnlyTheirOwnSetting() {
        Api.As eve = Api.As.staff("Eve Evening");
        assertThat(api.get(eve, ME).map().get("email")).isNull();
        assertThat(api.get(eve, ME).map()).containsEntry("enabled", true);
        assertThat(set(eve, "eve@staff.campus.test", false).map()).containsEntry("email", "eve@staff.campus.test")
                .containsEntry("enabled", false);
        assertThat(api.get(eve, ME).map()).containsEntry("email", "eve@staff.campus.test")
                .containsEntry("enabled", false);
        assertThat(api.get(Api.As.staff("Someone Else"), ME).map().get("email")).isNull();
        for (Api.As outsider : List.of(STUDENT, Api.As.analyst("Ana Lyst"))) {
            assertThat(api.get(outsider, ME).status).isEqualTo(403);
            assertThat(set(outsider, "x@students.campus.test", true).status).isEqualTo(403);
        }
        assertThat(set(Api.As.student("Eve Evening"), "x@students.campus.test", true).status).isEqualTo(403);
        assertThat(api.get(eve, ME).map()).containsEntry("email", "eve@staff.campus.test");
    }

    @Test
    void anAddressIsKeptWithoutTheSpacesAroundIt() {
        Api.As gus = Api.As.staff("Gus Spacey");
        assertThat(set(gus, " gus@staff.campus.test  ", true).map()).containsEntry("email", "gus@staff.campus.test");
        assertThat(api.get(gus, ME).map()).containsEntry("email", "gus@staff.campus.test");
        assertThat(set(gus, " ", true).map().get("email")).isNull();
    }

    @Test
    void aBadAddressIsA400NamingTheField() {
        Api.As fay = Api.As.staff("Fay Field");
        for (String bad : List.of("not an address", "a@b", "a@b.example, c@d.example", ".a@b.example", "a..b@b.example",
                "a.@b.example",
                "a@b.example\r\nBcc: x@y.example", "Fay <a@b.example>", "x".repeat(250) + "@b.example")) {
            Api.Answer answer = set(fay, bad, true);
            assertProblem(answer, 400, "email");
            assertThat(answer.map().get("detail").toString()).doesNotContain("Exception");
        }
        assertProblem(api.send(fay, "PUT", ME, "{\"email\": 5, \"enabled\": \"maybe\"}", Map.of()), 400, "");
        assertThat(api.get(fay, ME).map().get("email")).isNull();
    }

    @Test
    void aSettingThatDoesNotSayWhetherToMailIsRefusedAndChangesNothing() {
        Api.As gus = Api.As.staff("Gus Given");
        assertThat(set(gus, "gus@staff.campus.test", true).status).isEqualTo(200);
        for (String body : List.of("{\"email\": \"other@staff.campus.test\"}",
                "{\"email\": \"other@staff.campus.test\", \"enabled\": null}")) {
            Api.Answer answer = api.send(gus, "PUT", ME, body, Map.of());
            assertProblem(answer, 400, "enabled true or false");
            assertThat(answer.map()).containsEntry("field", "enabled");
        }
        assertThat(api.get(gus, ME).map()).containsEntry("email", "gus@staff.campus.test").containsEntry("enabled",
                true);
    }
}
