package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/tokens}. {@code days} defaults to 90; role is ANALYST or STAFF. */
@Serdeable
public record NewApiToken(@NotBlank @Size(max = 60) String name, @NotBlank String role, @Nullable Integer days) {
}
