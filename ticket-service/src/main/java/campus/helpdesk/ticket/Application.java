package campus.helpdesk.ticket;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "ticket-service", version = "0.1",
        description = "Campus Helpdesk tickets, messages, history, categorisation and the change feed. Every /api "
                + "request carries a short-lived service token (Authorization: Bearer) minted by the gateway for a "
                + "person (STUDENT, STAFF) or by a feed follower for itself (FEED); see SECURITY.md."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
