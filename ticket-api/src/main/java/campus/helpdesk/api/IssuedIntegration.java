package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to {@code POST /api/integrations}: the one and only time the secret is shown. */
@Serdeable
public record IssuedIntegration(Integration integration, String secret) {
}
