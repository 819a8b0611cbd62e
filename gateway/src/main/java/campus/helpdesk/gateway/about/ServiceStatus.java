package campus.helpdesk.gateway.about;

import io.micronaut.serde.annotation.Serdeable;

/** One service as the About page shows it: its health now and where its API documents are. */
@Serdeable
public record ServiceStatus(String name, String prefix, String health, String url, String swaggerUi,
                            String healthUrl) {
}
