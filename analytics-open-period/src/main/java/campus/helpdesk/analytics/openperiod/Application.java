package campus.helpdesk.analytics.openperiod;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "analytics-open-period", version = "0.1.0",
        description = "Tickets opened in the last N hours or days that are not closed yet, from a read model fed "
                + "by ticket-service's change feed."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
