package campus.helpdesk.ticket.message;

import campus.helpdesk.api.Message;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages are listed through a repository and posted through their own SQL: both must tell the same message. */
@MicronautTest(transactional = false)
class MessageThreadTest extends ApiTest {

    @Test
    void theListShowsEachMessageExactlyAsItsPostAnsweredIt() {
        Ticket ticket = create();
        Api.Answer question = api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "Any news?"));
        Api.Answer note = api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "Checked the cable", "internal", true));

        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id() + "/messages").as(Argument.listOf(Message.class)))
                .containsExactly(question.as(Message.class), note.as(Message.class));
    }
}
