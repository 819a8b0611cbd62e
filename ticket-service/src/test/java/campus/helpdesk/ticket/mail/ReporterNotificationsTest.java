package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketNotifications;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import com.icegreen.greenmail.util.GreenMailUtil;
import campus.helpdesk.client.NotificationClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reporter who gives an address is emailed when staff answer in public, take the ticket on and close it, each
 * mail multipart text and HTML with a link to the ticket; internal notes and students' messages send nothing.
 */
@MicronautTest(transactional = false)
class ReporterNotificationsTest extends MailTest {

    private static final Api.As REPORTER = Api.As.student("Ada Reporter");

    @Inject
    NotificationClient notificationClient;

    @Test
    void theReporterIsMailedOnAPublicAnswerTheTakeAndTheCloseAndOnNothingElse() throws Exception {
        String to = "ada@students.campus.test";
        Ticket ticket = report(REPORTER, "Projector broken in room B12", "The projector in B12 shows no image.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        say(STAFF, ticket.id(), "A technician comes at <10:00> & brings a cable", false);
        say(STAFF, ticket.id(), "Secret: the supplier is late again", true);
        say(REPORTER, ticket.id(), "Thanks, I will be there", false);
        move(ticket.id(), TicketStatus.CLOSED);

        await("three mails sent", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() >= 3
                && outbox(ticket.id()).stream().allMatch(r -> Boolean.TRUE.equals(r.get("sent")))));
        Thread.sleep(500); // anything else queued would be sent within a few polls
        List<MimeMessage> mails = mailTo(to);
        List<Map<String, Object>> rows = outbox(ticket.id());
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("TAKEN", "ANSWERED", "CLOSED");
        assertThat(mails).hasSize(3);
        for (int i = 0; i < 3; i++) {
            MimeMessage mail = mails.get(i);
            assertThat(mail.getMessageID()).as("the outbox's Message-ID").isEqualTo(rows.get(i).get("message_id"));
            assertThat(mail.getSubject()).startsWith("[#" + ticket.id() + "] ").endsWith("Projector broken in room B12");
            assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
            assertThat(mail.getFrom()[0].toString()).contains("helpdesk@campus.test");
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(text(parts.getBodyPart(0))).contains("https://helpdesk.campus.test/#/tickets/" + ticket.id());
        }
        assertThat(mails.get(0).getSubject()).contains("being handled");
        assertThat(mails.get(2).getSubject()).contains("closed");
        MimeMultipart answer = (MimeMultipart) mails.get(1).getContent();
        assertThat(text(answer.getBodyPart(0))).contains("A technician comes at <10:00> & brings a cable");
        assertThat(text(answer.getBodyPart(1)))
                .as("user text escaped in HTML").contains("A technician comes at &lt;10:00&gt; &amp; brings a cable")
                .doesNotContain("<10:00>");
        for (MimeMessage mail : mails) {
            assertThat(GreenMailUtil.getBody(mail)).doesNotContain("supplier").doesNotContain("I will be there");
        }
    }

    @Test
    void aTicketWrittenInItalianIsAnsweredInItalian() throws Exception {
        assertThat(subjectOfTheTake("Giulia", "Il proiettore non funziona",
                "Il proiettore della aula B12 non si accende e la lezione è alle dieci."))
                .contains("La tua segnalazione è in lavorazione");
    }

    @Test
    void aFrenchMailSetsItsColonsOffAsFrenchDoes() throws Exception {
        assertThat(subjectOfTheTake("Camille", "L'ascenseur est en panne",
                "L'ascenseur du bâtiment C est bloqué entre deux étages depuis ce matin."))
                .endsWith("] Votre signalement est pris en charge\u00a0: L'ascenseur est en panne");
    }

    /** The subject of the mail that tells {@code name}, who reported this, that staff took it on. */
    private String subjectOfTheTake(String name, String title, String description) throws Exception {
        String to = name.toLowerCase(java.util.Locale.ROOT) + "@students.campus.test";
        Ticket ticket = report(Api.As.student(name), title, description, to);
        move(ticket.id(), TicketStatus.ACTIVE);
        await("the mail", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() == 1));
        return mailTo(to).get(0).getSubject();
    }

    @Test
    void theReporterOfALinkedTicketIsMailedTheIncidentsAnswerAndItsClose() throws Exception {
        String to = "linked@students.campus.test";
        Ticket incident = create(STAFF, "Eduroam down in the library", "No connection on any floor.");
        Ticket linked = report(REPORTER, "Wifi non funziona in biblioteca", "Nessuna connessione da stamattina.", to);
        assertThat(api.post(STAFF, "/api/tickets/" + incident.id() + "/links",
                Map.of("tickets", List.of(linked.id()))).status).isEqualTo(200);
        move(incident.id(), TicketStatus.ACTIVE);
        say(STAFF, incident.id(), "The controller is restarted", false);
        move(incident.id(), TicketStatus.CLOSED);

        await("the answer and the close", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() >= 2
                && outbox(linked.id()).stream().allMatch(r -> Boolean.TRUE.equals(r.get("sent")))));
        assertThat(outbox(linked.id())).extracting(r -> r.get("kind")).containsExactly("ANSWERED", "CLOSED");
        assertThat(mailTo(to)).extracting(MimeMessage::getSubject).allMatch(s -> s.startsWith("[#" + linked.id() + "]"));
    }

    @Test
    void aTicketWithoutAnAddressQueuesNothing() throws Exception {
        Ticket ticket = create(STUDENT, "Wifi down in library", "The wifi in the library does not work.");
        move(ticket.id(), TicketStatus.ACTIVE);
        say(STAFF, ticket.id(), "Restarted the access point", false);
        assertThat(outbox(ticket.id())).isEmpty();
    }

    @Test
    void theAddressIsStaffsAloneAndNeverPartOfTheTicket() {
        String to = "private@students.campus.test";
        Ticket ticket = report(REPORTER, "Broken chair in A1", "A chair in A1 has a broken leg.", to);
        for (Api.As reader : List.of(REPORTER, OTHER_STUDENT, Api.As.analyst("Ana Lyst"), STAFF)) {
            assertThat(api.get(reader, "/api/tickets/" + ticket.id()).raw.body()).doesNotContain(to);
            assertThat(api.get(reader, "/api/tickets?page=0&size=50").raw.body()).doesNotContain(to);
            assertThat(api.get(reader, "/api/tickets/" + ticket.id() + "/history").raw.body()).doesNotContain(to);
        }
        for (Api.As outsider : List.of(REPORTER, OTHER_STUDENT, Api.As.analyst("Ana Lyst"))) {
            assertThat(api.get(outsider, "/api/tickets/" + ticket.id() + "/notifications").status).isEqualTo(403);
        }
        TicketNotifications seen = as(STAFF).call(() -> notificationClient.notifications(ticket.id()));
        assertThat(seen.email()).isEqualTo(to);
        assertThat(seen.failed()).isZero();
        assertThat(api.get(STAFF, "/api/tickets/999999/notifications").status).isEqualTo(404);
    }

    @Test
    void whoMayReportLearnsThatNotificationsAreOn() {
        assertThat(api.get(STUDENT, "/api/tickets/notifications").map()).containsEntry("enabled", true);
        assertThat(api.get(STAFF, "/api/tickets/notifications").map()).containsEntry("enabled", true);
    }

    @Test
    void aBadAddressIsA400NamingTheField() {
        for (String bad : List.of("not an address", "a@b", "a@b.example, c@d.example", ".a@b.example", "a..b@b.example",
                "a.@b.example", "a@b.example\r\nBcc: x@y.example",
                "Ada <a@b.example>", "a b@b.example", "x".repeat(250) + "@b.example")) {
            Api.Answer answer = api.post(STUDENT, "/api/tickets", Map.of("title", "Lamp", "description",
                    "The lamp is broken.", "email", bad));
            assertProblem(answer, 400, "email");
            assertThat(answer.map().get("detail").toString()).doesNotContain("Exception");
        }
    }

    /** An address copied with a space around it is kept without it; one of spaces only is no address, as none is. */
    @Test
    void spacesAroundAnAddressAreDroppedAndABlankOneIsNone() {
        Ticket spaced = report(REPORTER, "Tap drips", "The tap in B2 drips.", "  ada@students.campus.test\t");
        assertThat(as(STAFF).call(() -> notificationClient.notifications(spaced.id())).email())
                .isEqualTo("ada@students.campus.test");
        for (String none : List.of("", "   ")) {
            Ticket ticket = report(REPORTER, "Tap drips", "The tap in B3 drips.", none);
            assertThat(as(STAFF).call(() -> notificationClient.notifications(ticket.id())).email()).isNull();
        }
    }

    private static String text(BodyPart part) throws Exception {
        return part.getContent().toString();
    }
}
