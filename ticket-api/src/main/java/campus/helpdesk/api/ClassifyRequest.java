package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
public record ClassifyRequest(@NotBlank @Size(max = 10_200) @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String text) {
}
