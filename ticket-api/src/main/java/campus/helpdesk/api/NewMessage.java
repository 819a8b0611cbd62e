package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

@Serdeable
public record NewMessage(
        @NotBlank(message = "Please write a message first.")
        @Pattern(regexp = Text.VISIBLE, message = "Please write a message first.")
        @Pattern(regexp = Text.UP_TO + NewMessage.BODY_MAX + "}", message = "A message can be at most 5,000 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String body,
        @Nullable Boolean internal) {

    /** The longest message, in characters. */
    public static final int BODY_MAX = 5_000;

    /** The body composed ({@link Text#composed}), however the sender's keyboard wrote its accents. */
    public NewMessage {
        body = Text.composed(body);
    }

    public boolean isInternal() {
        return Boolean.TRUE.equals(internal);
    }
}
