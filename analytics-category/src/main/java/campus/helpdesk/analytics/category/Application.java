package campus.helpdesk.analytics.category;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "analytics-category", version = "0.1.0",
        description = "ACTIVE tickets per category, from a read model fed by ticket-service's change feed."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
