package campus.helpdesk.ticket;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "ticket-service", version = "0.1",
        description = "Campus Helpdesk tickets, messages, history, categorisation and the change feed. Every /api "
                + "request carries X-Helpdesk-Role (STUDENT|STAFF) and X-Helpdesk-User."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
