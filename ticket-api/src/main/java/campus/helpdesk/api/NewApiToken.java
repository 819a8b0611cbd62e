package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/tokens}. {@code days} defaults to 90; role is ANALYST or STAFF. */
@Serdeable
public record NewApiToken(@NotBlank(message = "Please give it a name you can read.")
                          @Size(max = 60, message = "A token's name can be at most 60 characters.")
                          @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE)
                          @Pattern(regexp = Text.VISIBLE, message = "Please give it a name you can read.") String name,
                          @NotBlank @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String role, @Nullable Integer days) {
}
