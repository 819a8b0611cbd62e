package campus.helpdesk.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Campus Helpdesk gateway", version = "0.1",
        description = "Session, proxy to the services, live updates (SSE) and the web UI"))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
