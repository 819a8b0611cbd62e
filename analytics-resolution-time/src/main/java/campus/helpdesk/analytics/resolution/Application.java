package campus.helpdesk.analytics.resolution;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "analytics-resolution-time", version = "0.1.0",
        description = "Resolution time (average, median, p90) per month of opening, from a read model fed by "
                + "ticket-service's change feed."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
