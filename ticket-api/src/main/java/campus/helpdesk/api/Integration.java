package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An integration as listed: never its secret. Its deliveries go to {@code intakeUrl}. */
@Serdeable
public record Integration(String name, String createdBy, Instant createdAt, @Nullable Instant revokedAt,
                          boolean active, String intakeUrl) {
}
