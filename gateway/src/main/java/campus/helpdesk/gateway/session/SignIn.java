package campus.helpdesk.gateway.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/session}. */
@Serdeable
/** The role is text so that a wrong value gets a detail listing the right ones. */
public record SignIn(@NotBlank @Size(max = 80) String name,
                     @NotBlank String role,
                     @Nullable @Size(max = 200) String staffCode) {
}
