package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

@Serdeable
/** Body of {@code POST /api/tickets/classify}: a report's text as it is being typed (title and description). */
public record ClassifyRequest(@NotBlank(message = "Please give some text to classify.")
                              @Pattern(regexp = Text.UP_TO + "10200}",
                                      message = "The text to classify can be at most 10,200 characters.")
                              @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String text) {
}
