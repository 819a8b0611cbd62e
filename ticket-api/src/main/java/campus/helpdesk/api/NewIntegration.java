package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/integrations}: the name, a slug that becomes the intake's URL and the reporter. */
@Serdeable
public record NewIntegration(@NotBlank(message = "Please give it a name you can read.") @Size(max = 40, message = "An integration's name can be at most 40 characters.")
                             @Pattern(regexp = Text.VISIBLE, message = "Please give it a name you can read.")
                             @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String name) {
}
